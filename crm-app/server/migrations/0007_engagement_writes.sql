-- One row per campaign event the sync worker creates as a note or email in HubSpot: written 'pending' before the
-- create request leaves and confirmed ('created', with HubSpot's id) once its answer names the record. A retried
-- event whose row is 'created' is never sent again; only a 'pending' row (the answer was lost: crash, timeout, cut
-- connection) needs HubSpot's search to tell, and search lags writes, so that case alone waits out the lag.
CREATE TABLE engagement_writes (
  portal_id   bigint NOT NULL REFERENCES portals (portal_id) ON DELETE CASCADE,
  event_id    text NOT NULL CHECK (length(event_id) BETWEEN 1 AND 200),
  object_type text NOT NULL CHECK (object_type IN ('notes', 'emails')),
  state       text NOT NULL CHECK (state IN ('pending', 'created')),
  hubspot_id  text CHECK (length(hubspot_id) BETWEEN 1 AND 40),
  -- When the latest create request for it left: a search before this plus the indexing lag proves nothing.
  sent_at     timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (portal_id, event_id),
  CHECK ((state = 'created') = (hubspot_id IS NOT NULL))
);

