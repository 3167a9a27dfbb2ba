#pragma once
// Starts the real oppenvard binary on a free loopback port with its own data directory,
// waits until it answers, and stops it by its PID.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "support/child_process.hpp"

namespace oppenvard::testing {

class ServerProcess {
 public:
  // `env` adds OPPENVARD_* variables to a clean environment (demo data, access log on). Give
  // OPPENVARD_DATA to start again on the data of an earlier server.
  explicit ServerProcess(std::map<std::string, std::string> env = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  unsigned short port() const { return port_; }
  int pid() const { return process_->pid(); }
  const std::string& data_dir() const { return data_dir_; }
  std::string output() const { return process_->output(); }

  // Sends SIGTERM and returns the exit status (or -1 if it had to be killed).
  int terminate(int timeout_ms = 15000) { return process_->terminate(timeout_ms); }
  void kill_now() { process_->kill_now(); }

 private:
  unsigned short port_ = 0;
  std::string data_dir_;
  std::unique_ptr<ChildProcess> process_;
};

std::string binary_path();
std::string source_dir();

}  // namespace oppenvard::testing
