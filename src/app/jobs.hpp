#pragma once
// Background work of a node: each job runs every `interval` on one thread of its own (never an
// I/O thread). Jobs must be safe to run on several nodes at once (idempotent writes); a
// failure is logged and the job runs again at the next tick.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace oppenvard::app {

class PeriodicJobs {
 public:
  PeriodicJobs() = default;
  ~PeriodicJobs();  // stops and joins
  PeriodicJobs(const PeriodicJobs&) = delete;
  PeriodicJobs& operator=(const PeriodicJobs&) = delete;

  void add(std::string name, std::chrono::milliseconds interval, std::function<void()> job);
  void start();
  void stop();

 private:
  struct Job {
    std::string name;
    std::chrono::milliseconds interval;
    std::function<void()> run;
    std::chrono::steady_clock::time_point next;
  };
  void loop();
  std::vector<Job> jobs_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

// Threads that each call `step` until it reports no work, then wait `idle` (or a wake-up)
// before asking again: the notification delivery workers. A failure is logged and the thread
// goes on after the idle wait.
class WorkerPool {
 public:
  WorkerPool() = default;
  ~WorkerPool();  // stops and joins
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void start(std::string name, int threads, std::chrono::milliseconds idle,
             std::function<bool(int worker)> step);
  void wake();
  void stop();

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace oppenvard::app
