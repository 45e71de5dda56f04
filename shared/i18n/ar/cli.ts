import type en from '../en/cli';
import type { Translation } from '../types';

export default {
  'error.cli_extra_argument':
    'وسيط غير متوقع "{arg}": الأمر kassa {command} {count, plural, zero {لا يأخذ وسائط} one {يأخذ وسيطًا واحدًا} two {يأخذ وسيطين} few {يأخذ # وسائط} many {يأخذ # وسيطًا} other {يأخذ # وسيط}} (انظر kassa {command} --help).',
  'error.cli_option_twice': 'أُعطي الخيار {option} أكثر من مرة؛ أعطه مرة واحدة.',
  'error.cli_field_twice': 'أُعطي الحقل {field} مرتين (في ‎--data وكوسيط أو خيار)؛ أعطه مرة واحدة.',
  'error.cli_data_not_taken': 'الأمر kassa {command} لا يأخذ ‎--data (انظر kassa {command} --help).',
} satisfies Translation<typeof en>;
