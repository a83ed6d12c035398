/** Follow-ups due (issue #20): tagged sends without an answer after N business days, and their drafts. */
export {
  addBusinessDays,
  holidaysOf,
  isBusinessDay,
  regionOfLocale,
  type CalendarOptions,
  type HolidayRegion,
} from './business-days';
export { closesFollowUp, followUpsDue, type DueFollowUp, type DueOptions, type ThreadEvent } from './due';
export { followUpTemplate, type FollowUpTemplateInput } from './template';
