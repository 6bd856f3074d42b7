extension Templates {
    static let importPage = #"""
<div class="page-head"><div><h1>{{t.import.title}}</h1><p class="subtitle">{{t.import.hint}}</p></div></div>
<form class="card" id="import-form" data-processing="{{t.import.processing}}" method="post" action="{{action}}" enctype="multipart/form-data">
 <input type="hidden" name="csrf_token" value="{{csrf}}">
 <div class="dropzone">
  <label for="bundle-file"><strong>{{t.import.file}}</strong></label>
  <p><input id="bundle-file" type="file" name="bundle" accept=".zip,application/zip" required></p>
  <label class="small"><input type="checkbox" name="skip_bad_rows" value="1"> {{t.import.skipBadRows}}</label>
 </div>
 <div class="progress" id="import-progress" hidden role="progressbar" aria-label="{{t.import.progress}}" aria-valuemin="0" aria-valuemax="100" aria-valuenow="0"><span></span></div>
 <p class="small muted" id="import-status" aria-live="polite"></p>
 <div class="actions"><button class="btn" type="submit">{{t.import.submit}}</button></div>
</form>
<div id="import-result" class="section" aria-live="polite">{{#hasResult}}{{> import-result}}{{/hasResult}}</div>
"""#

    static let importResult = #"""
{{#ok}}
<div class="notice notice-ok" role="status"><strong>{{title}}</strong><br>{{summary}}</div>
<div class="card table-wrap">
 <table>
  <thead><tr><th>{{t.import.fileColumn}}</th><th class="num">{{t.import.rows}}</th><th class="num">{{t.import.imported}}</th><th class="num">{{t.import.replaced}}</th><th class="num">{{t.import.skipped}}</th></tr></thead>
  <tbody>{{#files}}<tr><td>{{file}}</td><td class="num">{{rows}}</td><td class="num">{{imported}}</td><td class="num">{{replaced}}</td><td class="num">{{skipped}}</td></tr>{{/files}}</tbody>
 </table>
</div>
{{#warnings}}<div class="notice notice-info mt">{{.}}</div>{{/warnings}}
<p class="mt"><a class="btn" href="{{dashboardHref}}">{{t.nav.dashboard}} →</a></p>
{{/ok}}
{{^ok}}
<div class="notice notice-error" role="alert" id="import-error"><strong>{{title}}</strong><ul>{{#messages}}<li>{{.}}</li>{{/messages}}</ul></div>
{{/ok}}
"""#

    static let reports = #"""
<div class="page-head"><div><h1>{{t.reports.title}}</h1><p class="subtitle">{{t.reports.hint}}</p></div></div>
{{^hasData}}<div class="card empty">{{t.dashboard.noData}}</div>{{/hasData}}
{{#hasData}}
<div class="grid grid-2">
 <section class="card">
  <h2>{{t.reports.weekly}}</h2>
  <table><tbody>{{#weeks}}{{> report-row}}{{/weeks}}</tbody></table>
 </section>
 <section class="card">
  <h2>{{t.reports.monthly}}</h2>
  <table><tbody>{{#months}}{{> report-row}}{{/months}}</tbody></table>
 </section>
</div>
<p class="small muted mt">{{t.reports.formats}}</p>
{{/hasData}}
"""#

    static let reportRow = #"""
<tr><td><a href="{{dashboardHref}}">{{label}}</a></td><td class="num downloads">{{#downloads}}<a class="btn btn-ghost btn-sm" href="{{href}}" download>{{label}}</a> {{/downloads}}<a class="btn btn-ghost btn-sm" href="{{csvHref}}" download title="{{t.reports.kpiCSV}}">CSV</a></td></tr>
"""#
}
