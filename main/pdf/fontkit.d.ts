/**
 * The small part of fontkit 2 that Kassa uses (the package ships no type declarations). pdfkit accepts a
 * parsed font object anywhere it accepts a font file, which is what lets us parse each font once per process.
 */
declare module 'fontkit' {
  export interface Font {
    readonly postscriptName: string;
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string, features?: string[] | Record<string, boolean>): GlyphRun;
  }
  /** Opaque to Kassa except for what pdfkit reads back. */
  export interface GlyphRun {
    glyphs: unknown[];
    positions: GlyphPosition[];
    readonly advanceWidth: number;
  }
  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export function openSync(path: string): Font;
  export function create(buffer: Uint8Array): Font;
}
