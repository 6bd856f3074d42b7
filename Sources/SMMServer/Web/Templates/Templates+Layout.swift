/// The page frame: header with logo, navigation, workspace switcher, language switch; the
/// period and scope picker of pages that have one; flash notices; the page body.
extension Templates {
    static let layout = #"""
<!doctype html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} · smmkpi</title>
<link rel="stylesheet" href="/assets/app.css">
<link rel="icon" href="data:,">
</head>
<body>
<a class="skip" href="#content">{{t.nav.skip}}</a>
<header class="topbar">
 <div class="topbar-inner">
  <a class="logo" href="{{base}}/dashboard"><span class="logo-mark" aria-hidden="true">K</span>smmkpi</a>
  <nav class="nav" aria-label="{{t.nav.main}}">
   {{#nav}}<a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a>{{/nav}}
  </nav>
  <div class="top-tools">
   {{#hasWorkspaces}}
   <form method="get" action="/workspaces/switch" class="ws-switch">
    <label class="sr-only" for="ws-select">{{t.workspace.label}}</label>
    <select id="ws-select" name="to" onchange="this.form.submit()">
     {{#workspaces}}<option value="{{slug}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/workspaces}}
    </select>
    <noscript><button type="submit">{{t.workspace.switch}}</button></noscript>
   </form>
   {{/hasWorkspaces}}
   <form method="post" action="/settings/language" class="lang" aria-label="{{t.lang.switch}}">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    <input type="hidden" name="back" value="{{path}}">
    <button type="submit" name="language" value="ru"{{#isRU}} aria-current="true"{{/isRU}} lang="ru">RU</button>
    <button type="submit" name="language" value="en"{{#isEN}} aria-current="true"{{/isEN}} lang="en">EN</button>
   </form>
   <span class="user" title="{{userName}} · {{roleName}}"><span class="avatar" aria-hidden="true">{{initials}}</span><span class="sr-only">{{userName}} · {{roleName}}</span></span>
   <form method="post" action="/logout"><input type="hidden" name="csrf_token" value="{{csrf}}"><button type="submit">{{t.nav.logout}}</button></form>
  </div>
 </div>
</header>
<main id="content" tabindex="-1">
{{#flash}}<div class="notice notice-{{kind}}" role="status">{{text}}</div>{{/flash}}
{{{body}}}
</main>
<footer>{{t.footer.text}} · {{workspaceName}}</footer>
{{#script}}<script src="/assets/app.js" defer></script>{{/script}}
</body>
</html>
"""#

    /// The period picker and scope filter (GET form, so a period is a link one can share).
    static let periodPicker = #"""
<form class="filters" method="get" action="{{action}}">
 <div>
  <span class="sr-only">{{t.period.label}}</span>
  <div class="segmented" role="group" aria-label="{{t.period.label}}">
   {{#kinds}}<a href="{{href}}"{{#current}} aria-current="true"{{/current}}>{{label}}</a>{{/kinds}}
  </div>
 </div>
 <input type="hidden" name="kind" value="{{#isCustom}}custom{{/isCustom}}{{^isCustom}}{{kindValue}}{{/isCustom}}">
 {{^isCustom}}
 <div>
  <label for="pp-period">{{t.period.label}}</label>
  <select id="pp-period" name="period">
   {{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}
  </select>
 </div>
 {{/isCustom}}
 {{#isCustom}}
 <div>
  <label for="pp-from">{{t.period.from}}</label>
  <input id="pp-from" type="date" name="from" value="{{from}}" required>
 </div>
 <div>
  <label for="pp-to">{{t.period.to}}</label>
  <input id="pp-to" type="date" name="to" value="{{to}}" required>
 </div>
 {{/isCustom}}
 {{#hasScope}}
 <div>
  <label for="pp-scope">{{t.scope.label}}</label>
  <select id="pp-scope" name="scope">
   {{#scopes}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/scopes}}
  </select>
 </div>
 {{/hasScope}}
 {{#extra}}<input type="hidden" name="{{name}}" value="{{value}}">{{/extra}}
 <button class="btn" type="submit">{{t.period.apply}}</button>
</form>
{{#problem}}<div class="notice notice-error mt" role="alert">{{.}}</div>{{/problem}}
"""#
}
