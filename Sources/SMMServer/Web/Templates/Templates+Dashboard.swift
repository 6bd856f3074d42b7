extension Templates {
    static let dashboard = #"""
<div class="page-head">
 <div>
  <h1>{{t.dashboard.title}} · {{periodTitle}}</h1>
  <p class="subtitle">{{scopeTitle}} · {{t.period.vs}} {{previousTitle}}</p>
 </div>
 <a class="btn btn-ghost btn-sm" href="{{jsonHref}}">JSON</a>
</div>
{{#picker}}{{> period-picker}}{{/picker}}
{{^hasData}}<div class="card empty section">{{t.dashboard.noData}}</div>{{/hasData}}
{{#hasData}}
<section class="section" aria-label="{{t.dashboard.headline}}">
 <div class="grid grid-kpi grid-headline">
  {{#headline}}{{> kpi-card}}{{/headline}}
 </div>
</section>
<section class="section">
 <div class="section-title"><h2>{{t.dashboard.trend}}</h2></div>
 <div class="grid grid-3">
  {{#trends}}<figure class="card chart-card"><h3>{{title}}</h3>{{{svg}}}</figure>{{/trends}}
 </div>
</section>
<section class="section">
 <div class="section-title"><h2>{{t.dashboard.breakdowns}}</h2></div>
 <div class="grid grid-3">
  {{#breakdowns}}<figure class="card chart-card"><h3>{{title}}</h3>{{{svg}}}</figure>{{/breakdowns}}
 </div>
</section>
{{#hasPosts}}
<section class="section grid grid-2">
 <div class="card">
  <h2>{{t.dashboard.topPosts}}</h2>
  {{#topPosts}}{{> post-row}}{{/topPosts}}
 </div>
 <div class="card">
  <h2>{{t.dashboard.bottomPosts}}</h2>
  {{#bottomPosts}}{{> post-row}}{{/bottomPosts}}
 </div>
</section>
{{/hasPosts}}
<section class="section">
 <div class="section-title"><h2>{{t.dashboard.allMetrics}}</h2></div>
{{#areas}}
 <section class="area" aria-label="{{name}}">
  <div class="area-head"><h3>{{name}}</h3></div>
  <div class="grid grid-kpi">
   {{#cards}}{{> kpi-card}}{{/cards}}
  </div>
 </section>
{{/areas}}
</section>
{{/hasData}}
"""#

    static let kpiCard = #"""
<article class="card kpi{{#headline}} kpi-headline{{/headline}}"{{#headline}} data-kpi="{{id}}"{{/headline}}{{^headline}} data-metric="{{id}}"{{/headline}}>
 <div class="kpi-name">{{name}}</div>
 <div class="kpi-value">{{value}}</div>
 <div class="kpi-foot">
  {{#hasDelta}}<span class="delta delta-{{tone}}" title="{{toneLabel}}"><span class="sr-only">{{toneLabel}}: </span>{{delta}}</span>{{/hasDelta}}
  {{^hasDelta}}<span class="kpi-prev">&nbsp;</span>{{/hasDelta}}
  {{{spark}}}
 </div>
 <div class="kpi-prev">{{t.period.previous}}: {{previous}}</div>
</article>
"""#

    static let postRow = #"""
<div class="post">
 <span class="post-rank" aria-hidden="true">{{rank}}</span>
 <div class="post-body">
  <div class="post-text">{{#hasURL}}<a href="{{url}}" rel="noopener noreferrer" target="_blank">{{text}}</a>{{/hasURL}}{{^hasURL}}{{text}}{{/hasURL}}</div>
  <div class="post-meta">{{meta}}</div>
 </div>
 <span class="post-metric">{{metric}}</span>
</div>
"""#
}
