#include "support/server_process.hpp"

#include <chrono>
#include <filesystem>
#include <regex>
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
  env.emplace("OPPENVARD_WEB_ROOT", source_dir() + "/web/dist");
  env.emplace("OPPENVARD_DATA", data_dir_ + "/var");
  env.emplace("OPPENVARD_LISTEN", "127.0.0.1:0");
  process_ = std::make_unique<ChildProcess>(std::vector<std::string>{binary_path(), "serve"},
                                            std::move(env), data_dir_ + "/server.log", data_dir_);
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
    if (!process_->running()) throw std::runtime_error("server exited during start-up:\n" + text);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  throw std::runtime_error("server did not start within 60 s:\n" + output());
}

ServerProcess::~ServerProcess() {
  process_->terminate();
  std::error_code ec;
  std::filesystem::remove_all(data_dir_, ec);
}

}  // namespace oppenvard::testing
