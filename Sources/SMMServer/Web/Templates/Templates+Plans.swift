extension Templates {
    static let plans = #"""
<div class="page-head">
 <div><h1>{{t.plans.title}}</h1></div>
 {{#canEdit}}<a class="btn" href="{{newHref}}">+ {{t.plans.new}}</a>{{/canEdit}}
</div>
{{^hasRows}}<div class="card empty">{{t.plans.empty}}</div>{{/hasRows}}
{{#hasRows}}
<div class="card table-wrap">
 <table>
  <thead><tr><th>{{t.plans.name}}</th><th>{{t.plans.period}}</th><th>{{t.plans.assignee}}</th><th class="num">{{t.plans.kpis}}</th><th class="num">{{t.plans.score}}</th><th>{{t.plans.status}}</th></tr></thead>
  <tbody>
  {{#rows}}
   <tr>
    <td><a href="{{href}}"><strong>{{name}}</strong></a></td>
    <td>{{period}}</td>
    <td>{{assignee}}</td>
    <td class="num">{{kpiCount}}</td>
    <td class="num"><strong>{{score}}</strong><div class="meter meter-{{status}}" aria-hidden="true"><span style="width:{{meter}}%"></span></div></td>
    <td><span class="badge badge-{{status}}">{{statusLabel}}</span></td>
   </tr>
  {{/rows}}
  </tbody>
 </table>
</div>
{{/hasRows}}
"""#

    static let plan = #"""
<div class="page-head">
 <div>
  <h1>{{name}}</h1>
  <p class="subtitle">{{period}}{{#hasAssignee}} · {{assignee}}{{/hasAssignee}} · {{scope}}{{#inProgress}} · <span class="badge badge-open">{{t.plans.inProgress}}</span> {{t.plans.asOf}} {{asOf}}{{/inProgress}}</p>
 </div>
 <div class="actions" style="margin:0">
  <a class="btn btn-ghost" href="{{backHref}}">{{t.common.back}}</a>
  {{#canEdit}}<a class="btn" href="{{editHref}}">{{t.plans.edit}}</a>{{/canEdit}}
 </div>
</div>
<section class="grid grid-2">
 <div class="card">
  <h2>{{t.plans.scorecard}}</h2>
  <div class="score">
   <div><div class="score-label">{{t.plans.score}}</div><div class="score-big" data-score>{{score}}</div><span class="badge badge-{{scoreStatus}}">{{scoreStatusLabel}}</span></div>
   {{#hasForecastScore}}<div><div class="score-label">{{t.plans.forecastScore}}</div><div class="score-big muted">{{forecastScore}}</div></div>{{/hasForecastScore}}
   {{#hasBonus}}<div><div class="score-label">{{t.plans.bonusTotal}}</div><div class="score-big">{{bonusTotal}}</div><div class="small muted">{{bonusDetail}}</div></div>{{/hasBonus}}
  </div>
 </div>
 <figure class="card chart-card"><h3>{{t.plans.trend}}</h3>{{{trendSVG}}}</figure>
</section>
<section class="section card table-wrap">
 <table>
  <thead><tr><th>{{t.plans.metric}}</th><th>{{t.plans.targetValue}}</th><th class="num">{{t.plans.weight}}</th><th class="num">{{t.plans.actual}}</th><th class="num">{{t.period.previous}}</th>{{#hasForecast}}<th class="num">{{t.plans.forecast}}</th>{{/hasForecast}}<th>{{t.plans.achievement}}</th><th>{{t.plans.status}}</th></tr></thead>
  <tbody>
  {{#kpis}}
   <tr>
    <td><strong>{{name}}</strong>{{#hasAnomalies}}<div class="small"><span class="badge badge-open">⚠ {{anomalies}}</span></div>{{/hasAnomalies}}</td>
    <td>{{target}}</td>
    <td class="num">{{weight}}</td>
    <td class="num"><strong>{{actual}}</strong></td>
    <td class="num muted">{{previous}}</td>
    {{#hasForecast}}<td class="num">{{forecast}}{{#hasForecastStatus}} <span class="badge badge-{{forecastStatus}}">{{forecastStatusLabel}}</span>{{/hasForecastStatus}}</td>{{/hasForecast}}
    <td><div class="small">{{achievement}}</div><div class="meter meter-{{status}}" aria-hidden="true"><span style="width:{{meter}}%"></span></div></td>
    <td><span class="badge badge-{{status}}">{{statusLabel}}</span></td>
   </tr>
  {{/kpis}}
  </tbody>
 </table>
</section>
<section class="section card">
 <h2>{{t.plans.smart}}</h2>
 {{#smartOK}}<div class="notice notice-ok">{{t.plans.smartOK}}</div>{{/smartOK}}
 {{> smart-list}}
</section>
<details class="section card"><summary><strong>{{t.plans.yaml}}</strong></summary><pre class="small">{{yaml}}</pre></details>
{{#canEdit}}
<form method="post" action="{{deleteAction}}" class="actions" onsubmit="return confirm(this.dataset.confirm)" data-confirm="{{t.plans.deleteConfirm}}">
 <input type="hidden" name="csrf_token" value="{{csrf}}">
 <button class="btn btn-bad btn-sm" type="submit">{{t.plans.delete}}</button>
</form>
{{/canEdit}}
"""#

    static let smartList = #"""
{{#notes}}<div class="notice notice-error">{{.}}</div>{{/notes}}
<div class="grid grid-2">
{{#checks}}
 <div>
  <h3>{{name}} <span class="badge badge-neutral">{{achievability}}</span></h3>
  <ul class="smart-list">
   {{#findings}}<li class="{{#ok}}smart-ok{{/ok}}{{^ok}}smart-bad{{/ok}}"><span><strong>{{criterion}}</strong>: {{text}}</span></li>{{/findings}}
  </ul>
 </div>
{{/checks}}
</div>
"""#

    static let planEditor = #"""
<div class="page-head">
 <div><h1>{{title}}</h1><p class="subtitle">{{t.plans.editorHint}}</p></div>
</div>
<form method="post" action="{{action}}" class="card" id="plan-form" data-check="{{checkAction}}">
 <input type="hidden" name="csrf_token" value="{{csrf}}">
 <div class="form-grid">
  <div class="field"><label for="pf-name">{{t.plans.name}}</label><input id="pf-name" name="name" value="{{name}}" required></div>
  <div class="field"><label for="pf-period">{{t.plans.period}}</label><input id="pf-period" name="period" value="{{period}}" placeholder="2026-11" required></div>
  <div class="field"><label for="pf-assignee">{{t.plans.assignee}}</label><input id="pf-assignee" name="assignee" value="{{assignee}}"></div>
  <div class="field"><label for="pf-accounts">{{t.plans.accounts}}</label><input id="pf-accounts" name="accounts" value="{{accounts}}"></div>
 </div>
 <h2 class="mt">{{t.plans.kpis}}</h2>
 <div class="table-wrap">
 <table class="editor">
  <thead><tr><th>{{t.plans.metric}}</th><th>{{t.planForm.kind}}</th><th>{{t.planForm.valueLabel}}</th><th>{{t.planForm.value2Label}}</th><th>{{t.planForm.byLabel}}</th><th>{{t.plans.weight}}</th></tr></thead>
  <tbody>
  {{#rows}}
   <tr>
    <td><select name="kpi.{{index}}.metric" aria-label="{{t.plans.metric}} {{index}}">{{#metrics}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/metrics}}</select></td>
    <td><select name="kpi.{{index}}.kind" aria-label="{{t.planForm.kind}} {{index}}">{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select></td>
    <td><input name="kpi.{{index}}.value" value="{{value}}" inputmode="decimal" size="8" aria-label="{{t.planForm.valueLabel}} {{index}}"></td>
    <td><input name="kpi.{{index}}.value2" value="{{value2}}" inputmode="decimal" size="8" aria-label="{{t.planForm.value2Label}} {{index}}"></td>
    <td><input name="kpi.{{index}}.by" value="{{by}}" type="date" aria-label="{{t.planForm.byLabel}} {{index}}"></td>
    <td><input name="kpi.{{index}}.weight" value="{{weight}}" inputmode="decimal" size="4" aria-label="{{t.plans.weight}} {{index}}"></td>
   </tr>
  {{/rows}}
  </tbody>
 </table>
 </div>
 <h2 class="mt">{{t.plans.bonus}}</h2>
 <div class="form-grid">
  <div class="field"><label for="pf-bb">{{t.plans.bonusBase}}</label><input id="pf-bb" name="bonus_base" value="{{bonusBase}}" inputmode="decimal"></div>
  <div class="field"><label for="pf-bm">{{t.plans.bonusMinScore}}</label><input id="pf-bm" name="bonus_min_score" value="{{bonusMinScore}}" inputmode="decimal"></div>
  <div class="field"><label for="pf-bs">{{t.plans.bonusSalesPercent}}</label><input id="pf-bs" name="bonus_sales_percent" value="{{bonusSalesPercent}}" inputmode="decimal"></div>
 </div>
 <div class="actions">
  <button class="btn" type="submit" name="action" value="save">{{t.plans.save}}</button>
  <button class="btn btn-ghost" type="submit" name="action" value="check">{{t.plans.check}}</button>
  <a class="btn btn-ghost" href="{{cancelHref}}">{{t.common.cancel}}</a>
 </div>
</form>
<section class="section card" id="smart-live" aria-live="polite">{{> smart-live}}</section>
"""#
    /// The SMART panel of the editor (also what the live check returns).
    static let smartLive = #"""
<h2>{{t.plans.smart}}</h2>
{{#hasErrors}}<div class="notice notice-error" role="alert"><strong>{{t.planForm.errors}}</strong><ul>{{#errors}}<li>{{.}}</li>{{/errors}}</ul></div>{{/hasErrors}}
{{#hasChecks}}{{#smartOK}}<div class="notice notice-ok">{{t.plans.smartOK}}</div>{{/smartOK}}{{> smart-list}}{{/hasChecks}}
{{^hasChecks}}{{^hasErrors}}<p class="muted">{{t.planForm.checkHint}}</p>{{/hasErrors}}{{/hasChecks}}
"""#
}
