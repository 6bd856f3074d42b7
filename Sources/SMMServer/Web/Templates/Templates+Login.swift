extension Templates {
    /// The login page: a page of its own, without the application frame.
    static let login = #"""
<!doctype html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{t.login.title}} · smmkpi</title>
<link rel="stylesheet" href="/assets/app.css">
<link rel="icon" href="data:,">
</head>
<body>
<main class="login-wrap" id="content">
 <div class="login">
  <div class="logo"><span class="logo-mark" aria-hidden="true">K</span>smmkpi</div>
  <div class="card">
   <h1>{{t.login.heading}}</h1>
   <p class="subtitle">{{t.app.tagline}}</p>
   {{#error}}<div class="notice notice-error mt" role="alert">{{.}}</div>{{/error}}
   <form method="post" action="/login" class="mt">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    <input type="hidden" name="next" value="{{next}}">
    <div class="field">
     <label for="login">{{t.login.username}}</label>
     <input id="login" name="login" autocomplete="username" required autofocus value="{{login}}">
    </div>
    <div class="field">
     <label for="password">{{t.login.password}}</label>
     <input id="password" name="password" type="password" autocomplete="current-password" required>
    </div>
    <button class="btn" type="submit">{{t.login.submit}}</button>
   </form>
  </div>
 </div>
</main>
</body>
</html>
"""#

    /// An error inside the frame (404, 403, a form that expired).
    static let error = #"""
<div class="card empty">
 <h1>{{title}}</h1>
 <p>{{message}}</p>
 <p><a class="btn btn-ghost" href="{{back}}">{{t.common.back}}</a></p>
</div>
"""#
}
