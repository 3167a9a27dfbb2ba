#pragma once
// A program a test needs (a server, a peer such as an SMTP server or an SMS gateway), started
// with its output in a log file and ended with the test: by its PID on destruction, and by the
// kernel (PR_SET_PDEATHSIG) if the test itself dies first.
#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace oppenvard::testing {

class ChildProcess {
 public:
  // `argv[0]` is the program's path; `env` is the whole environment (PATH and TZ are added).
  ChildProcess(std::vector<std::string> argv, std::map<std::string, std::string> env,
               std::string log_path, std::string working_dir = "/tmp");
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  int pid() const { return pid_; }
  bool running();
  std::string output() const;  // everything it printed so far
  // Waits until its output contains `text`; throws with the output if it exits or time passes.
  void wait_for_output(const std::string& text, std::chrono::milliseconds timeout);
  // SIGTERM, then SIGKILL after `timeout_ms`; the exit status, or -1 if it had to be killed.
  int terminate(int timeout_ms = 15000);
  // SIGKILL at once: a crash, for tests of what survives one.
  void kill_now();

 private:
  int pid_ = -1;
  std::string log_path_;
};

// A loopback TCP port that was free a moment ago.
unsigned short free_port();

}  // namespace oppenvard::testing
