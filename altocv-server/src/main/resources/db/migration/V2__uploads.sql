-- files uploaded for import, kept until their import job has read them (housekeeping drops leftovers after a day)
create table uploads (
  id uuid primary key,
  user_id uuid not null references users on delete cascade,
  job_id uuid not null references jobs on delete cascade,
  file_name text not null,
  content_type text,
  bytes bytea not null,
  created_at timestamptz not null
);
create index uploads_job_idx on uploads (job_id);
create index job_postings_user_idx on job_postings (user_id, created_at desc);
create index job_matches_cv_idx on job_matches (cv_id, created_at desc);
