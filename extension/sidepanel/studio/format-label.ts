import { i18n } from '#i18n';
import type { StudioFormat } from '../../../shared/common/studio';

// Chrome's message names allow only letters, digits, `_` and `@`: a hyphen in one stops the extension loading.
type FormatKey =
  'linkedin_post' | 'x_post' | 'wechat_post' | 'search_ad' | 'social_ad' | 'blog_outline' | 'video_script';
const keyOf = (format: StudioFormat) => format.replace('-', '_') as FormatKey;

/** The format's name in the UI language. */
export const formatLabel = (format: StudioFormat) => i18n.t(`studio.formats.${keyOf(format)}`);
/** The platform limits of the format, in words. */
export const formatLimits = (format: StudioFormat) => i18n.t(`studio.limits.${keyOf(format)}`);
