// The no-login public site under /public (public_site.cc).
#pragma once

#include "app/env.h"

namespace httplib {
class Server;
}

namespace cairn::api {

// Registers GET /public, /public/ and /public/{slug} on `http`.
void RegisterPublicSite(httplib::Server& http, const app::Env& env);

}  // namespace cairn::api
