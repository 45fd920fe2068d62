create table if not exists public.audit (event text);
