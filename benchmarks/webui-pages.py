#!/usr/bin/env python3
"""Response times of the HTML pages on `smmkpi serve --demo` (run from the repository root:
python3 benchmarks/webui-pages.py [.build/debug/smmkpi]). Logs in as the demo owner, then asks each
page once (first) and 20 times more (median, max). Figures go to docs/benchmarks.md."""
import sys, tempfile
import http.cookiejar, urllib.request, urllib.parse, re, subprocess, time, os, socket, statistics
port=48123
env=dict(os.environ, SMMKPI_DEMO_PASSWORD="demo-pass-123", SMMKPI_LOG_LEVEL="warning")
p=subprocess.Popen(["stdbuf","-oL",(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/smmkpi"),"serve","--demo","--port",str(port),"--db",tempfile.mkdtemp(prefix="smmkpi-bench-") + "/smmkpi.sqlite"],stdout=subprocess.PIPE,stderr=subprocess.DEVNULL,text=True,env=env)
for line in p.stdout:
    if "password" in line: break
time.sleep(1)
cj=http.cookiejar.CookieJar(); op=urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cj))
base="http://127.0.0.1:%d"%port
op.open(base+"/login").read()
csrf=[c.value for c in cj if c.name=="smmkpi_login_csrf"][0]
op.open(base+"/login", urllib.parse.urlencode({"login":"demo","password":"demo-pass-123","csrf_token":csrf,"next":"/"}).encode()).read()
def t(url):
    s=time.time(); op.open(base+url).read(); return (time.time()-s)*1000
for q in ["/w/default/dashboard","/w/default/dashboard?kind=week","/w/default/plans","/w/default/anomalies","/w/default/comments"]:
    first=t(q); rest=[t(q) for _ in range(20)]
    print("%-40s first %.0f ms, then median %.1f ms, max %.1f ms"%(q,first,statistics.median(rest),max(rest)))
p.terminate()
