/// The application's one stylesheet, served at `/assets/app.css` (no external fonts or CDNs).
package enum Stylesheet {
    package static let css = #"""
:root{
  --bg:#f5f6fa;--surface:#fff;--ink:#161a2b;--ink-2:#4a5068;--ink-3:#6b7189;--line:#e3e6ef;--line-2:#eef0f6;
  --brand:#4338ca;--brand-2:#6366f1;--brand-soft:#eef0ff;--good:#0f7a4a;--good-soft:#e6f6ee;--bad:#c0362c;
  --bad-soft:#fdecea;--warn:#a35c00;--warn-soft:#fff4e0;--neutral-soft:#eef0f4;--radius:12px;
  --shadow:0 1px 2px rgba(22,26,43,.06),0 4px 16px rgba(22,26,43,.05);
  --font:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif;
}
*{box-sizing:border-box}
html{font-size:15px}
body{margin:0;font-family:var(--font);background:var(--bg);color:var(--ink);line-height:1.5;-webkit-font-smoothing:antialiased}
a{color:var(--brand);text-decoration:none}
a:hover{text-decoration:underline}
:focus-visible{outline:3px solid var(--brand-2);outline-offset:2px;border-radius:6px}
.skip{position:absolute;left:-9999px;top:8px;background:var(--ink);color:#fff;padding:8px 14px;border-radius:8px;z-index:10}
.skip:focus{left:8px}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
/* Header */
.topbar{background:#12152a;color:#e8eaf6}
.topbar-inner{max-width:1280px;margin:0 auto;padding:0 24px;display:flex;align-items:center;gap:20px;min-height:60px;flex-wrap:wrap}
.logo{display:flex;align-items:center;gap:10px;color:#fff;font-weight:700;font-size:1.1rem;letter-spacing:.2px}
.logo:hover{text-decoration:none}
.logo-mark{width:28px;height:28px;border-radius:8px;background:linear-gradient(135deg,#818cf8,#4338ca);display:grid;place-items:center;font-size:.8rem;color:#fff}
.nav{display:flex;gap:2px;flex-wrap:wrap;flex:1}
.nav a{color:#c5c9e0;padding:7px 10px;border-radius:8px;font-weight:500;font-size:.95rem;white-space:nowrap}
.nav a:hover{background:rgba(255,255,255,.08);color:#fff;text-decoration:none}
.nav a[aria-current=page]{background:rgba(129,140,248,.22);color:#fff}
.top-tools{display:flex;align-items:center;gap:10px;flex-wrap:wrap}
.top-tools form{margin:0;display:flex;gap:6px;align-items:center}
.top-tools select,.top-tools button{background:#1f2340;color:#e8eaf6;border:1px solid #34395e;border-radius:8px;padding:6px 10px;font:inherit;font-size:.9rem}
.top-tools button{cursor:pointer}
.top-tools button:hover{background:#2b3058}
.lang a{color:#aab0d0;padding:4px 8px;border-radius:6px;font-size:.85rem;font-weight:600}
.lang a[aria-current=true]{background:#fff;color:#12152a}
.user{display:inline-flex}
.avatar{width:32px;height:32px;border-radius:50%;background:#2b3058;color:#e8eaf6;display:grid;place-items:center;font-size:.78rem;font-weight:700;border:1px solid #3d4373}
/* Page */
main{max-width:1280px;margin:0 auto;padding:24px}
.page-head{display:flex;align-items:flex-end;justify-content:space-between;gap:16px;flex-wrap:wrap;margin-bottom:18px}
h1{font-size:1.65rem;margin:0;letter-spacing:-.3px}
h2{font-size:1.15rem;margin:0 0 12px}
h3{font-size:1rem;margin:0 0 8px}
.subtitle{color:var(--ink-3);margin:4px 0 0}
.card{background:var(--surface);border:1px solid var(--line);border-radius:var(--radius);box-shadow:var(--shadow);padding:18px 20px}
.section{margin:26px 0}
.section-title{display:flex;align-items:baseline;justify-content:space-between;margin:0 0 12px}
.section-title h2{margin:0}
.grid{display:grid;gap:14px}
.grid-kpi{grid-template-columns:repeat(auto-fill,minmax(220px,1fr))}
.grid-headline{grid-template-columns:repeat(4,minmax(0,1fr))}
@media (max-width:1000px){.grid-headline{grid-template-columns:repeat(2,minmax(0,1fr))}}
.grid-2{grid-template-columns:repeat(auto-fit,minmax(420px,1fr))}
.grid-3{grid-template-columns:repeat(auto-fit,minmax(300px,1fr))}
/* Filters */
.filters{display:flex;gap:10px;align-items:flex-end;flex-wrap:wrap;background:var(--surface);border:1px solid var(--line);border-radius:var(--radius);padding:12px 14px;box-shadow:var(--shadow)}
.filters label,.field label{display:block;font-size:.78rem;font-weight:600;color:var(--ink-3);text-transform:uppercase;letter-spacing:.4px;margin-bottom:4px}
.segmented{display:inline-flex;border:1px solid var(--line);border-radius:9px;overflow:hidden;background:var(--bg)}
.segmented a{padding:7px 12px;color:var(--ink-2);font-weight:500;border-right:1px solid var(--line)}
.segmented a:last-child{border-right:0}
.segmented a:hover{background:#fff;text-decoration:none}
.segmented a[aria-current=true]{background:var(--brand);color:#fff}
input,select,textarea{font:inherit;color:var(--ink);background:#fff;border:1px solid #cfd3e1;border-radius:8px;padding:7px 10px;min-height:36px}
textarea{width:100%;min-height:90px}
input[type=checkbox],input[type=radio]{min-height:0;width:auto;vertical-align:middle;margin:0 6px 0 0}
.chart-kind-bars{max-width:520px}
.chart-bar.tone-positive rect{fill:#22a06b}
.chart-bar.tone-negative rect{fill:#e5484d}
.chart-bar.tone-neutral rect{fill:#9aa1b9}
.segmented a[aria-current=true] .muted{color:#dfe3ff}
input:focus,select:focus,textarea:focus{border-color:var(--brand-2);outline:3px solid rgba(99,102,241,.25);outline-offset:0}
.btn{display:inline-flex;align-items:center;gap:6px;font:inherit;font-weight:600;border-radius:8px;padding:8px 14px;border:1px solid var(--brand);background:var(--brand);color:#fff;cursor:pointer;min-height:36px}
.btn:hover{background:#3730a3;text-decoration:none}
.btn-ghost{background:#fff;color:var(--brand);border-color:#c7cbf5}
.btn-ghost:hover{background:var(--brand-soft)}
.btn-good{background:var(--good);border-color:var(--good)}
.btn-good:hover{background:#0b5e39}
.btn-bad{background:#fff;color:var(--bad);border-color:#efb8b3}
.btn-bad:hover{background:var(--bad-soft)}
.btn-sm{padding:5px 10px;min-height:30px;font-size:.88rem}
/* KPI cards */
.kpi{position:relative;display:flex;flex-direction:column;gap:4px;padding:16px 18px}
.kpi-name{font-size:.86rem;color:var(--ink-2);font-weight:500}
.kpi-value{font-size:1.6rem;font-weight:700;letter-spacing:-.5px;font-variant-numeric:tabular-nums}
.kpi-foot{display:flex;justify-content:space-between;align-items:center;gap:8px}
.kpi-prev{font-size:.8rem;color:var(--ink-3)}
.delta{display:inline-flex;align-items:center;gap:3px;font-size:.82rem;font-weight:600;padding:2px 8px;border-radius:999px;font-variant-numeric:tabular-nums}
.delta-better{background:var(--good-soft);color:var(--good)}
.delta-worse{background:var(--bad-soft);color:var(--bad)}
.delta-same,.delta-neutral{background:var(--neutral-soft);color:var(--ink-2)}
.sparkline polyline{fill:none;stroke:var(--brand-2);stroke-width:1.8;stroke-linejoin:round;stroke-linecap:round}
.sparkline circle{fill:var(--brand)}
.area-head{display:flex;align-items:center;gap:10px;margin:22px 0 10px}
.area-head h3{margin:0;font-size:.92rem;color:var(--ink-2);text-transform:uppercase;letter-spacing:.5px}
.kpi-headline{border-top:3px solid var(--brand-2)}
.kpi-headline .kpi-value{font-size:1.85rem}
.area-head::after{content:"";flex:1;height:1px;background:var(--line)}
/* Charts */
.chart{width:100%;height:auto;display:block}
.chart-grid line{stroke:var(--line-2);stroke-width:1}
.chart-tick,.chart-label,.chart-value{fill:var(--ink-3);font-size:12px;font-family:var(--font)}
.chart-label{fill:var(--ink-2);font-size:12px}
.chart-value{fill:var(--ink);font-weight:600;font-size:12px}
.chart-line{fill:none;stroke:var(--brand);stroke-width:2.4;stroke-linejoin:round;stroke-linecap:round}
.chart-area{fill:rgba(99,102,241,.10);stroke:none}
.chart-dot{fill:#fff;stroke:var(--brand);stroke-width:2}
.chart-dot-last{fill:var(--brand)}
.chart-target line{stroke:var(--warn);stroke-width:1.6;stroke-dasharray:6 4}
.chart-target text{fill:var(--warn);font-size:11px;font-weight:600;font-family:var(--font)}
.chart-bar rect{fill:var(--brand-2)}
.chart-bar:hover rect{fill:var(--brand)}
.chart-empty{fill:var(--ink-3);font-size:13px;font-family:var(--font)}
.chart-card h3{font-size:.95rem;color:var(--ink-2);font-weight:600}
/* Tables */
.table-wrap{overflow-x:auto}
table{width:100%;border-collapse:collapse;font-size:.93rem}
th{text-align:left;font-size:.76rem;text-transform:uppercase;letter-spacing:.4px;color:var(--ink-3);font-weight:600;padding:10px 12px;border-bottom:1px solid var(--line);white-space:nowrap}
td{padding:11px 12px;border-bottom:1px solid var(--line-2);vertical-align:middle}
tr:last-child td{border-bottom:0}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.muted{color:var(--ink-3)}
.small{font-size:.85rem}
.clip{max-width:460px}
/* Badges */
.badge{display:inline-block;font-size:.76rem;font-weight:600;padding:2px 9px;border-radius:999px;white-space:nowrap}
.badge-met,.badge-positive,.badge-confirmed{background:var(--good-soft);color:var(--good)}
.badge-at_risk,.badge-open,.badge-question{background:var(--warn-soft);color:var(--warn)}
.badge-missed,.badge-negative{background:var(--bad-soft);color:var(--bad)}
.badge-no_data,.badge-neutral,.badge-dismissed,.badge-none{background:var(--neutral-soft);color:var(--ink-2)}
.badge-role{background:var(--brand-soft);color:var(--brand)}
/* Score */
.score{display:flex;gap:28px;flex-wrap:wrap;align-items:center}
.score-big{font-size:2.6rem;font-weight:800;letter-spacing:-1px;line-height:1}
.score-label{font-size:.8rem;color:var(--ink-3);text-transform:uppercase;letter-spacing:.4px;font-weight:600}
.meter{height:8px;background:var(--line-2);border-radius:999px;overflow:hidden;min-width:120px}
.meter span{display:block;height:100%;background:var(--brand-2);border-radius:999px}
.meter-met span{background:var(--good)}
.meter-at_risk span{background:#e08a00}
.meter-missed span{background:var(--bad)}
/* Notices */
.notice{border-radius:10px;padding:12px 14px;margin:0 0 16px;border:1px solid}
.notice-ok{background:var(--good-soft);border-color:#b5e3cb;color:#0b5e39}
.notice-error{background:var(--bad-soft);border-color:#f3c1bc;color:#8e241c}
.notice-info{background:var(--brand-soft);border-color:#d5d8fb;color:#312e81}
.notice ul{margin:6px 0 0;padding-left:20px}
.empty{padding:40px 20px;text-align:center;color:var(--ink-3)}
/* Forms */
.form-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:14px}
.field{margin-bottom:4px}
.field input,.field select{width:100%}
.actions{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin-top:14px}
.inline{display:inline-flex;gap:6px;align-items:center;margin:0}
.smart-list{list-style:none;margin:0;padding:0}
.smart-list li{padding:8px 0;border-bottom:1px solid var(--line-2);display:flex;gap:10px}
.smart-list li:last-child{border-bottom:0}
.smart-ok::before{content:"✓";color:var(--good);font-weight:700}
.smart-bad::before{content:"!";color:var(--bad);font-weight:800;width:1ch;text-align:center}
/* Upload */
.dropzone{border:2px dashed #c7cbf5;border-radius:var(--radius);padding:28px;text-align:center;background:#fafaff}
.progress{height:10px;background:var(--line-2);border-radius:999px;overflow:hidden;margin-top:12px}
.progress span{display:block;height:100%;width:0;background:linear-gradient(90deg,var(--brand-2),var(--brand));transition:width .2s}
/* Posts */
.post{display:flex;gap:12px;align-items:flex-start;padding:10px 0;border-bottom:1px solid var(--line-2)}
.post:last-child{border-bottom:0}
.post-rank{flex:none;width:26px;height:26px;border-radius:8px;background:var(--brand-soft);color:var(--brand);font-weight:700;display:grid;place-items:center;font-size:.85rem}
.post-body{flex:1;min-width:0}
.post-text{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.post-meta{font-size:.8rem;color:var(--ink-3)}
.post-metric{font-weight:700;font-variant-numeric:tabular-nums;white-space:nowrap}
/* Login */
.login-wrap{min-height:100vh;display:grid;place-items:center;padding:24px;background:radial-gradient(1200px 600px at 20% -10%,#c7d2fe 0,transparent 60%),radial-gradient(900px 500px at 110% 110%,#e0e7ff 0,transparent 60%),var(--bg)}
.login{width:100%;max-width:400px}
.login .logo{color:var(--ink);margin-bottom:18px;font-size:1.3rem}
.login .card{padding:28px}
.login .field{margin-bottom:14px}
.login .btn{width:100%;justify-content:center;margin-top:6px;padding:10px}
.login-lang{display:flex;justify-content:center;gap:12px;margin-top:16px;font-size:.9rem}
footer{max-width:1280px;margin:0 auto;padding:10px 24px 30px;color:var(--ink-3);font-size:.82rem}
figure{margin:0}
.mt{margin-top:14px}
.lang button{padding:4px 9px;font-size:.8rem;font-weight:700}
.lang button[aria-current=true]{background:#fff;color:#12152a;border-color:#fff}
.login-lang a[aria-current=true]{font-weight:700;text-decoration:underline}
@media (max-width:720px){
  main{padding:16px}
  .topbar-inner{padding:8px 16px}
  .grid-2,.grid-3{grid-template-columns:1fr}
  h1{font-size:1.35rem}
}
@media (prefers-reduced-motion:reduce){*{transition:none!important}}
"""#
}
