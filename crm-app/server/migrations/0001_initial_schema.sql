-- Initial schema: the HubSpot accounts (portals) that installed the app, their OAuth install, and the outbox of
-- jobs the sync worker will push to HubSpot. Every later change goes into a new NNNN_name.sql file.

CREATE TABLE portals (
  -- HubSpot's account id ("hub id").
  portal_id  bigint PRIMARY KEY CHECK (portal_id > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE installs (
  portal_id                bigint PRIMARY KEY REFERENCES portals (portal_id) ON DELETE CASCADE,
  -- Scopes HubSpot granted; compared with app-hsmeta.json requiredScopes on each token refresh.
  scopes                   text[] NOT NULL DEFAULT '{}',
  -- Tokens are stored encrypted by the application, never in clear text.
  refresh_token_ciphertext bytea,
  access_token_ciphertext  bytea,
  access_token_expires_at  timestamptz,
  status                   text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'uninstalled')),
  installed_at             timestamptz NOT NULL DEFAULT now(),
  uninstalled_at           timestamptz,
  CHECK ((status = 'uninstalled') = (uninstalled_at IS NOT NULL))
);

CREATE TABLE outbox_jobs (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  portal_id       bigint NOT NULL REFERENCES portals (portal_id) ON DELETE CASCADE,
  kind            text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.]*$'),
  payload         jsonb NOT NULL,
  -- HubSpot retries hubspot.fetch once on 5xx, and workers crash: enqueueing the same work twice must be a no-op.
  idempotency_key text NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 200),
  status          text NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'running', 'succeeded', 'failed', 'dead')),
  attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  run_after       timestamptz NOT NULL DEFAULT now(),
  last_error      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

-- The worker's query: the next due pending jobs.
CREATE INDEX outbox_jobs_due_idx ON outbox_jobs (run_after) WHERE status = 'pending';
CREATE INDEX outbox_jobs_portal_idx ON outbox_jobs (portal_id);
