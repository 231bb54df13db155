-- AltoCV server spine: accounts, sessions, credits, CVs with versions, jobs, files, and the tables the
-- billing / white-label / AI features build on.

create table users (
  id uuid primary key,
  email text not null unique,             -- stored lower-case
  name text not null,
  google_sub text unique,
  tier text not null default 'FREE' check (tier in ('FREE', 'PRO')),
  balance bigint not null check (balance >= 0),
  ai_consent_at timestamptz,
  created_at timestamptz not null
);

create table sessions (
  token_hash text primary key,            -- SHA-256 of the cookie token; the token itself is never stored
  user_id uuid not null references users on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null,        -- absolute time-out
  revoked_at timestamptz
);
create index sessions_user_idx on sessions (user_id);

create table credit_transactions (
  id bigserial primary key,
  user_id uuid not null references users on delete cascade,
  delta bigint not null,
  balance_after bigint not null check (balance_after >= 0),
  kind text not null check (kind in ('grant', 'spend', 'refund', 'admin', 'refill')),
  reason text not null,
  idempotency_key text,
  created_at timestamptz not null,
  unique (user_id, idempotency_key)
);
create index credit_transactions_user_idx on credit_transactions (user_id, id);

create table idempotency_keys (
  user_id uuid not null references users on delete cascade,
  scope text not null,                    -- method and route
  key text not null,
  request_hash text not null,
  status int,                             -- null while the first request runs
  content_type text,
  headers text,                           -- JSON object of replayed headers
  body bytea,
  created_at timestamptz not null,
  primary key (user_id, scope, key)
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);

create table cvs (
  id uuid primary key,
  user_id uuid not null references users on delete cascade,
  title text not null,
  template_id text not null,
  content text not null,                  -- AltoCV document
  version bigint not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  deleted_at timestamptz
);
create index cvs_user_idx on cvs (user_id, updated_at desc);

-- every accepted change, with its inverse: undo/redo and audit
create table cv_edits (
  cv_id uuid not null references cvs on delete cascade,
  version bigint not null,                -- the CV version this change produced
  kind text not null check (kind in ('create', 'edit', 'undo', 'redo', 'restore')),
  source text not null,
  description text,
  patch text not null,
  inverse text not null,
  state text not null check (state in ('done', 'undone', 'dropped', 'fixed')),
  target_version bigint,                  -- undo/redo: the edit undone or redone
  created_at timestamptz not null,
  primary key (cv_id, version)
);

-- the history a person sees: coalesced autosaves, checkpoints and changes from other sources, with snapshots
create table cv_versions (
  cv_id uuid not null references cvs on delete cascade,
  version bigint not null,                -- the CV version this entry ends at
  first_version bigint not null,
  kind text not null check (kind in ('created', 'autosave', 'change', 'checkpoint', 'restore')),
  source text not null,
  name text,
  content text,                           -- null only for the newest entry: then it is the CV's content
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (cv_id, version)
);

create table proposals (
  id uuid primary key,
  cv_id uuid not null references cvs on delete cascade,
  user_id uuid not null references users on delete cascade,
  base_version bigint not null,
  source text not null,
  summary text,
  edits text not null,                    -- JSON array of {description, operations}
  accepted text not null default '[]',    -- JSON array of accepted edit indexes
  created_at timestamptz not null
);
create index proposals_cv_idx on proposals (cv_id);

create table chat_messages (
  id bigserial primary key,
  cv_id uuid not null references cvs on delete cascade,
  user_id uuid not null references users on delete cascade,
  role text not null check (role in ('user', 'assistant', 'tool')),
  content text not null,
  proposal_id uuid references proposals on delete set null,
  created_at timestamptz not null
);
create index chat_messages_cv_idx on chat_messages (cv_id, id);

create table job_postings (
  id uuid primary key,
  user_id uuid not null references users on delete cascade,
  source_url text,
  text text not null,
  parsed text,                            -- JSON: title, company, skills...
  created_at timestamptz not null
);

create table job_matches (
  id uuid primary key,
  cv_id uuid not null references cvs on delete cascade,
  posting_id uuid not null references job_postings on delete cascade,
  cv_version bigint not null,
  result text not null,                   -- JSON
  created_at timestamptz not null
);

create table jobs (
  id uuid primary key,
  user_id uuid references users on delete cascade,
  cv_id uuid references cvs on delete cascade,
  type text not null,
  status text not null check (status in ('queued', 'running', 'succeeded', 'failed')),
  input text not null,                    -- JSON
  result text,                            -- JSON
  error text,
  cost bigint not null default 0,
  charge_key text,
  attempts int not null default 0,
  max_attempts int not null,
  progress int not null default 0,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  finished_at timestamptz
);
create index jobs_user_idx on jobs (user_id, created_at desc);

create table job_events (
  id bigserial primary key,
  job_id uuid not null references jobs on delete cascade,
  type text not null,
  data text not null,                     -- JSON
  created_at timestamptz not null
);
create index job_events_job_idx on job_events (job_id, id);

create table exported_files (
  id uuid primary key,
  user_id uuid not null references users on delete cascade,
  cv_id uuid references cvs on delete cascade,
  job_id uuid references jobs on delete set null,
  format text not null,
  file_name text not null,
  content_type text not null,
  bytes bytea not null,
  created_at timestamptz not null,
  expires_at timestamptz not null
);

create table rate_limit_windows (
  bucket text not null,
  window_start timestamptz not null,
  count int not null,
  primary key (bucket, window_start)
);

-- white-label API and billing (used by a later issue)
create table tenants (
  id uuid primary key,
  name text not null,
  branding text not null default '{}',    -- JSON: logo, colours
  created_at timestamptz not null
);

create table api_clients (
  id uuid primary key,
  tenant_id uuid not null references tenants on delete cascade,
  name text not null,
  key_prefix text not null unique,        -- shown to people to tell keys apart
  key_hash text not null,
  rate_limit text,
  created_at timestamptz not null,
  revoked_at timestamptz
);

create table processed_webhook_events (
  provider text not null,
  event_id text not null,
  event_type text not null,
  processed_at timestamptz not null,
  primary key (provider, event_id)
);

-- db-scheduler's queue
create table scheduled_tasks (
  task_name text not null,
  task_instance text not null,
  task_data bytea,
  execution_time timestamptz not null,
  picked boolean not null,
  picked_by text,
  last_success timestamptz,
  last_failure timestamptz,
  consecutive_failures int,
  last_heartbeat timestamptz,
  version bigint not null,
  priority smallint,
  primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- undo and redo look for the newest done and the oldest undone edit of a CV
create index cv_edits_undone_idx on cv_edits (cv_id, version) where state = 'undone';
create index cv_edits_done_idx on cv_edits (cv_id, version) where state = 'done';
