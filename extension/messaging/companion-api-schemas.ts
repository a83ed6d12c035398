/**
 * Shapes of the companion backend's extension-facing reads, checked when the answer arrives and again where the
 * service worker hands them to a page. The contact reads' contract is shared with the backend.
 */
export {
  ContactSearchPageSchema,
  ContactSummarySchema,
  EngagementSchema,
  LiveContactSchema,
  type ContactSearchPage,
  type LiveContact,
} from '../../shared/common/persona/contact-reads';

/** `/v1/team/catalogue`: the shared team catalogue's contract (crm-app/server/routes/catalogue-routes.ts). */
export {
  TeamCatalogueBatchResultSchema,
  TeamCataloguePageSchema,
  type TeamCatalogueChange,
  type TeamCataloguePage,
  type TeamCatalogueWrite,
} from '../../shared/common/recommend/team-catalogue';
