"""gunicorn's settings for production (`gunicorn newsroom.wsgi` reads this file from the
working directory). Every value can be set from the environment; the defaults suit one
app server behind a proxy or an HTTP cache.

  GUNICORN_BIND      where to listen (default 127.0.0.1:8000; the proxy talks to it)
  WEB_CONCURRENCY    worker processes (default 2 per core, plus one)
  GUNICORN_TIMEOUT   seconds before a stuck worker is restarted (default 30)
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: each request has a process to itself (Django's ORM is synchronous).
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On a deploy or restart, requests in flight get this long to finish.
graceful_timeout = 30
keepalive = 5
# Restart a worker now and then, so a slow leak can never grow without bound.
max_requests = 2000
max_requests_jitter = 200
# Heartbeat files in memory, not on a possibly slow disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# No control socket in the home directory: a server is managed by its supervisor.
control_socket_disable = True

# One line per request on standard output (for the platform's log collector), with the time
# taken in microseconds and the address the proxy saw.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%({x-forwarded-for}i)s" %(t)s "%(r)s" %(s)s %(b)s %(D)sus "%(a)s"'
# Trust X-Forwarded-* only from the proxy on this machine.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
