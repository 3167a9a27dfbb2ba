#pragma once
// Starts the real oppenvard binary on a free loopback port with its own data directory,
// waits until it answers, and stops it by its PID.
#include <map>
#include <string>
#include <vector>

namespace oppenvard::testing {

class ServerProcess {
 public:
  // `env` adds OPPENVARD_* variables to a clean environment (demo data, access log on).
  explicit ServerProcess(std::map<std::string, std::string> env = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  unsigned short port() const { return port_; }
  int pid() const { return pid_; }
  const std::string& data_dir() const { return data_dir_; }
  std::string output() const;  // everything it printed so far

  // Sends SIGTERM and returns the exit status (or -1 if it had to be killed).
  int terminate(int timeout_ms = 15000);

 private:
  int pid_ = -1;
  unsigned short port_ = 0;
  std::string data_dir_;
  std::string log_path_;
};

std::string binary_path();
std::string source_dir();

}  // namespace oppenvard::testing
