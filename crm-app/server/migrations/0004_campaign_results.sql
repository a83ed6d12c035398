-- Campaign results from the extension (one row per contact, campaign variant and outcome; never message text), and
-- an index the extension API's contact summary needs to count a contact's open sync jobs without a scan.

CREATE TABLE campaign_results (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  portal_id       bigint NOT NULL REFERENCES portals (portal_id) ON DELETE CASCADE,
  -- The extension's outbox retries: a repeated key is accepted and changes nothing.
  idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
  -- The rep whose extension token delivered the result.
  user_id         text NOT NULL CHECK (length(user_id) BETWEEN 1 AND 200),
  campaign_id     text NOT NULL CHECK (length(campaign_id) BETWEEN 1 AND 200),
  campaign_name   text NOT NULL CHECK (length(campaign_name) BETWEEN 1 AND 200),
  variant_id      text NOT NULL CHECK (length(variant_id) BETWEEN 1 AND 200),
  variant_name    text NOT NULL CHECK (length(variant_name) BETWEEN 1 AND 200),
  channel         text NOT NULL CHECK (channel IN ('email', 'linkedin', 'phone')),
  segment         text CHECK (length(segment) BETWEEN 1 AND 200),
  -- Lower-cased; the contact's key in contact_personas and outbox_jobs.
  email           text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  outcome         text NOT NULL CHECK (outcome IN ('sent', 'replied', 'positive_reply', 'meeting', 'not_interested',
                                                   'unsubscribe', 'bounce', 'out_of_office')),
  sentiment       text CHECK (sentiment IN ('negative', 'neutral', 'positive')),
  intent          text CHECK (length(intent) BETWEEN 1 AND 64),
  occurred_at     timestamptz NOT NULL,
  received_at     timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT campaign_results_portal_idempotency_key UNIQUE (portal_id, idempotency_key)
);
-- The card: one contact's results, newest first.
CREATE INDEX campaign_results_contact_idx ON campaign_results (portal_id, email, occurred_at);
-- Team priors and team results: per campaign and variant.
CREATE INDEX campaign_results_campaign_idx ON campaign_results (portal_id, campaign_id, variant_id);

-- The contact summary counts a contact's pending or running jobs; without this it scanned every open job of the
-- portal, which grew with the sync backlog and dominated the extension API's tail latency.
CREATE INDEX outbox_jobs_contact_open_idx ON outbox_jobs (portal_id, contact_key) WHERE status IN ('pending', 'running');
