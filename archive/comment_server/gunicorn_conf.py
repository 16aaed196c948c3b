"""Gunicorn's settings for the comment server in production.

    gunicorn -c python:archive.comment_server.gunicorn_conf archive.comment_server.wsgi:application

``--bind`` and ``--workers`` on the command line override what is set here.
"""

bind = "127.0.0.1:8080"
# Two or more processes; the database makes their limits hold together.
workers = 2
worker_class = "sync"
# A worker that has not finished a request in 10 s (a reader that sends slowly, or not at all)
# is stopped and replaced: a slow connection holds a worker for 10 s at most.
timeout = 10
graceful_timeout = 10
keepalive = 2
# A worker is replaced after this many requests, so its memory cannot grow for ever.
max_requests = 2000
max_requests_jitter = 200
# Small requests only: the form sends one short JSON object.
limit_request_line = 2048
limit_request_fields = 30
limit_request_field_size = 4096
