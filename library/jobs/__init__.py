"""Background jobs: work too slow for a request (OCR of a scan, a Word file's PDF preview).

A job is a row (``jobs``): queued, then claimed by one runner with a compare-and-set,
running (with its progress), then done or failed (with a stable error code). Runners are a
thread in each web worker (only one runs a job at a time per library: a lock file) and
``caselib jobs run`` for scripts and cron. Features register a handler per job kind
(:func:`handler`); the job's ``key`` makes it unique (the same file is read once).
"""
