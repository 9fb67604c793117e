// The public site under /public: the guidance pages marked public, as plain server-rendered HTML
// for businesses and communities — no sign-in, no script, one small inline style sheet, readable
// on a phone and printable. Only pages marked public are reachable; anything else is 404, the
// same as a page that does not exist. Nothing here reads a session or restricted data.
#include "api/public_site.h"

#include <httplib.h>

#include "common/text.h"
#include "engine/guidance.h"

namespace cairn::api {
namespace {

std::string Page(const std::string& title, const std::string& body) {
  return "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>" + HtmlEscape(title) + " – Serious organised crime: spot it, report it</title><style>"
         "body{font-family:Arial,Helvetica,sans-serif;font-size:1.1rem;line-height:1.6;color:#1a1a1a;margin:0}"
         "header,main,footer{max-width:44rem;margin:0 auto;padding:0 1rem}"
         "header{border-bottom:4px solid #0065bd;padding-top:1rem}header p{margin:.2rem 0 .8rem}"
         "a{color:#0065bd}a:focus{background:#fdd522;color:#000;outline:3px solid #fdd522}"
         "h1{font-size:1.9rem;line-height:1.2}h2{font-size:1.4rem;margin-top:2rem}"
         ".emergency{border-left:6px solid #d32205;padding:.5rem 1rem;background:#f8f8f8}"
         "ul.pages{padding:0;list-style:none}ul.pages li{margin:0 0 1rem}"
         "footer{border-top:1px solid #ccc;margin-top:3rem;padding-top:1rem;font-size:.95rem}"
         "@media print{header,footer{display:none}a{color:#000}a[href^=\"http\"]:after{content:\" (\" attr(href) \")\"}}"
         "</style></head><body><header><p><a href=\"/public/\">Serious organised crime: spot it, report it</a></p></header>"
         "<main>" + body + "</main><footer><p class=\"emergency\">If someone is in danger, call <strong>999</strong>. "
         "To report to the police, call <strong>101</strong>. To report anonymously, call Crimestoppers on "
         "<strong>0800 555 111</strong>.</p><p>Published by the Serious Organised Crime Taskforce partners with Cairn.</p>"
         "</footer></body></html>\n";
}

void Html(httplib::Response& res, int status, const std::string& html) {
  res.status = status;
  // Not kept by caches: an unpublished page must leave the site at once.
  res.set_header("Cache-Control", "no-cache");
  res.set_content(html, "text/html; charset=utf-8");
}

}  // namespace

void RegisterPublicSite(httplib::Server& http, const app::Env& env) {
  http.Get("/public", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/public/", 301); });
  http.Get("/public/", [env](const httplib::Request&, httplib::Response& res) {
    engine::GuidanceFilter f;
    f.public_only = true;
    auto pages = engine::ListGuidance(env, f);
    if (!pages.ok()) return Html(res, 503, Page("Unavailable", "<h1>Sorry, this page is not available</h1><p>Try again later.</p>"));
    std::string body =
        "<h1>Serious organised crime: spot it, report it</h1><p>Organised crime groups hide behind ordinary "
        "businesses and prey on people. Here is what it can look like, how to protect yourself and your "
        "business, and how to report it — anonymously if you want.</p><ul class=\"pages\">";
    for (const auto& p : *pages)
      body += "<li><a href=\"/public/" + HtmlEscape(p.row.slug) + "\">" + HtmlEscape(p.row.title) + "</a><br>" +
              HtmlEscape(p.row.summary) + "</li>";
    body += "</ul>";
    Html(res, 200, Page("Home", body));
  });
  http.Get(R"(/public/([a-z0-9-]{1,64}))", [env](const httplib::Request& req, httplib::Response& res) {
    auto p = engine::GetGuidance(env, req.matches[1], /*public_only=*/true);
    if (!p.ok()) {
      return Html(res, p.status().code() == StatusCode::kNotFound ? 404 : 503,
                  Page("Not found", "<h1>Page not found</h1><p><a href=\"/public/\">See all the advice</a>.</p>"));
    }
    Html(res, 200, Page(p->row.title, "<h1>" + HtmlEscape(p->row.title) + "</h1>" + p->html +
                                           "<p><a href=\"/public/\">All the advice</a></p>"));
  });
}

}  // namespace cairn::api
