// cairn mail send: send the email outbox through the configured SMTP server (engine/mailer.h).
// cairn tasks remind: remind the owners of overdue tasks (engine/tasks.h).
// cairn serve does both in the background; these run them once, e.g. from cron.
#include <iostream>

#include "cli/cli.h"
#include "engine/mailer.h"
#include "engine/tasks.h"

namespace cairn::cli {

Status RunMailSend(const GlobalOptions& g) {
  CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
  CAIRN_ASSIGN_OR_RETURN(auto run, engine::SendOutbox(ctx->env()));
  if (!run.configured) {
    std::cout << "SMTP is not configured ([smtp] url): " << run.waiting << " emails kept in the outbox, unsent\n";
    return Status::Ok();
  }
  std::cout << "sent " << run.sent << ", failed " << run.failed << ", waiting " << run.waiting << "\n";
  return run.failed == 0 ? Status::Ok() : Unavailable(std::to_string(run.failed) + " emails could not be sent (see the outbox)");
}

Status RunRemind(const GlobalOptions& g) {
  CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
  CAIRN_ASSIGN_OR_RETURN(int64_t n, engine::RemindOverdueTasks(ctx->env()));
  std::cout << "reminded the owners of " << n << " overdue tasks\n";
  return Status::Ok();
}

void AddMail(CLI::App& app, GlobalOptions& g, int& exit_code) {
  CLI::App* mail = app.add_subcommand("mail", "The email outbox");
  mail->require_subcommand(1);
  mail->add_subcommand("send", "Send unsent emails through the configured SMTP server")->callback([&g, &exit_code] {
    Status s = RunMailSend(g);
    if (!s.ok()) exit_code = Fail(s);
  });
  CLI::App* tasks = app.add_subcommand("tasks", "Tasks");
  tasks->require_subcommand(1);
  tasks->add_subcommand("remind", "Remind the owners of overdue tasks (in the app and by email)")->callback([&g, &exit_code] {
    Status s = RunRemind(g);
    if (!s.ok()) exit_code = Fail(s);
  });
}

}  // namespace cairn::cli
