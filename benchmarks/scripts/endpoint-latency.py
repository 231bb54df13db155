#!/usr/bin/env python3
"""Latency of the ATS and match endpoints of a running `./altocv serve` (by hand, not part of the tests).

Usage: sign in with the development sign-in and create a CV first (see benchmarks/RESULTS.md), then
  python3 benchmarks/scripts/endpoint-latency.py http://localhost:7070 SESSION_COOKIE CSRF_TOKEN CV_ID N
One keep-alive connection; each request is timed from send to the end of the body.
"""
import http.client
import json
import statistics
import sys
import time
from urllib.parse import urlparse

POSTING = ("Senior Backend Engineer\nKlarfeld Payments - Stockholm\n\nRequirements:\n"
           "- 5+ years of experience with Java or Kotlin\n- PostgreSQL and Kubernetes\n- Apache Kafka\n\n"
           "Nice to have:\n- Terraform\n")


def run(base, headers, path, body, n):
    u = urlparse(base)
    c = http.client.HTTPConnection(u.hostname, u.port)
    times = []
    for _ in range(n):
        t = time.perf_counter()
        c.request("POST", path, body=body, headers=headers)
        r = c.getresponse()
        r.read()
        if r.status != 200:
            sys.exit(f"{path}: HTTP {r.status}")
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return f"p50 {statistics.median(times):.1f} ms, p90 {times[int(n * 0.9) - 1]:.1f} ms, max {times[-1]:.1f} ms (n={n})"


def main():
    base, cookie, csrf, cv, n = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
    headers = {"Cookie": "altocv_session=" + cookie, "X-CSRF-Token": csrf, "Content-Type": "application/json"}
    print("match", run(base, headers, f"/api/v1/cvs/{cv}/match", json.dumps({"text": POSTING}), n))
    print("ats  ", run(base, headers, f"/api/v1/cvs/{cv}/ats", "", n))


if __name__ == "__main__":
    main()
