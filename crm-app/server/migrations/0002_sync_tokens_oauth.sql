-- Sync engine, extension tokens, OAuth install state and the local persona view.

-- Idempotency keys are unique per portal, not globally: two portals may well send the same key.
ALTER TABLE outbox_jobs DROP CONSTRAINT outbox_jobs_idempotency_key_key;
ALTER TABLE outbox_jobs ADD CONSTRAINT outbox_jobs_portal_idempotency_key UNIQUE (portal_id, idempotency_key);
-- The contact a job writes to (lower-cased email): jobs of one contact are applied in id order.
ALTER TABLE outbox_jobs ADD COLUMN contact_key text;
-- While a job is 'running', run_after is its lease expiry: a job whose worker died becomes claimable again then.
ALTER TABLE outbox_jobs ADD COLUMN claimed_by text;
DROP INDEX outbox_jobs_due_idx;
CREATE INDEX outbox_jobs_claim_idx ON outbox_jobs (portal_id, id) WHERE status IN ('pending', 'running');
-- Leased or backing-off jobs (run_after in the future): their contacts are held back until they finish.
-- (Only jobs that were tried: an index over all pending jobs would lure the planner away from outbox_jobs_claim_idx.)
CREATE INDEX outbox_jobs_lease_idx ON outbox_jobs (portal_id, run_after)
  WHERE status = 'running' OR (status = 'pending' AND attempts > 0);
CREATE INDEX outbox_jobs_dead_idx ON outbox_jobs (portal_id, id) WHERE status = 'dead';

CREATE TABLE extension_tokens (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  portal_id    bigint NOT NULL REFERENCES portals (portal_id) ON DELETE CASCADE,
  user_id      text NOT NULL CHECK (length(user_id) BETWEEN 1 AND 200),
  -- SHA-256 of the token: a leaked table does not leak usable tokens.
  token_hash   bytea NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz
);

CREATE TABLE oauth_states (
  state      text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE installs ADD COLUMN setup jsonb;

-- What Closer last wrote for a contact (properties merged, last write wins), for the summary and the card.
CREATE TABLE contact_personas (
  portal_id     bigint NOT NULL REFERENCES portals (portal_id) ON DELETE CASCADE,
  email         text NOT NULL,
  properties    jsonb NOT NULL DEFAULT '{}',
  hubspot_id    text,
  event_count   integer NOT NULL DEFAULT 0,
  last_event_at timestamptz,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (portal_id, email)
);
CREATE INDEX contact_personas_hubspot_idx ON contact_personas (portal_id, hubspot_id);
