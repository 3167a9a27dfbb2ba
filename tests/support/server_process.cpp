#include "support/server_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace oppenvard::testing {

std::string binary_path() {
  return OPPENVARD_BINARY;
}
std::string source_dir() {
  return OPPENVARD_SOURCE_DIR;
}

ServerProcess::ServerProcess(std::map<std::string, std::string> env) {
  char pattern[] = "/tmp/oppenvard-it-XXXXXX";
  data_dir_ = mkdtemp(pattern);
  log_path_ = data_dir_ + "/server.log";
  env.emplace("OPPENVARD_WEB_ROOT", source_dir() + "/web/dist");
  env.emplace("OPPENVARD_DATA", data_dir_ + "/var");
  env.emplace("OPPENVARD_LISTEN", "127.0.0.1:0");

  std::vector<std::string> env_strings{"PATH=/usr/bin:/bin", "TZ=UTC"};
  for (const auto& [k, v] : env) env_strings.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::string binary = binary_path();
  std::string serve = "serve";
  std::vector<char*> argv{binary.data(), serve.data(), nullptr};

  const pid_t parent = getpid();
  pid_ = fork();
  if (pid_ == 0) {
    // A test that crashes must not leave its server running: the server ends with it.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) _exit(127);  // the test died before the line above
    const int fd = ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(fd, 1);
    dup2(fd, 2);
    chdir(data_dir_.c_str());
    execve(binary.c_str(), argv.data(), envp.data());
    _exit(127);
  }
  // The banner names the port the kernel picked.
  const std::regex banner(R"(running on http://127\.0\.0\.1:(\d+)/)");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch m;
    const std::string text = output();
    if (std::regex_search(text, m, banner)) {
      port_ = static_cast<unsigned short>(std::stoi(m[1]));
      return;
    }
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("server exited during start-up:\n" + text);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  throw std::runtime_error("server did not start within 60 s:\n" + output());
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) terminate();
  std::error_code ec;
  std::filesystem::remove_all(data_dir_, ec);
}

std::string ServerProcess::output() const {
  std::ifstream in(log_path_);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

int ServerProcess::terminate(int timeout_ms) {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return -1;
}

}  // namespace oppenvard::testing
