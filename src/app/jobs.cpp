#include "app/jobs.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace oppenvard::app {

PeriodicJobs::~PeriodicJobs() {
  stop();
}

void PeriodicJobs::add(std::string name, std::chrono::milliseconds interval,
                       std::function<void()> job) {
  jobs_.push_back(
      {std::move(name), interval, std::move(job), std::chrono::steady_clock::now() + interval});
}

void PeriodicJobs::start() {
  if (jobs_.empty() || thread_.joinable()) return;
  thread_ = std::thread([this] { loop(); });
}

void PeriodicJobs::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PeriodicJobs::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    const auto next = std::min_element(jobs_.begin(), jobs_.end(),
                                       [](const Job& a, const Job& b) { return a.next < b.next; });
    if (wake_.wait_until(lock, next->next, [this] { return stopping_; })) break;
    lock.unlock();
    try {
      next->run();
    } catch (const std::exception& e) {
      // The message may come from SQL; it names no patient (ids at most), but keep it short.
      spdlog::warn("job failed name={} error={}", next->name, std::string(e.what()).substr(0, 200));
    }
    next->next = std::chrono::steady_clock::now() + next->interval;
    lock.lock();
  }
}

WorkerPool::~WorkerPool() {
  stop();
}

void WorkerPool::start(std::string name, int threads, std::chrono::milliseconds idle,
                       std::function<bool(int worker)> step) {
  for (int i = 0; i < threads; ++i) {
    threads_.emplace_back([this, name, idle, step, i] {
      for (;;) {
        bool worked = false;
        try {
          worked = step(i);
        } catch (const std::exception& e) {
          spdlog::warn("worker failed name={} error={}", name,
                       std::string(e.what()).substr(0, 200));
        }
        std::unique_lock lock(mutex_);
        if (stopping_) return;
        if (!worked && wake_.wait_for(lock, idle, [this] { return stopping_; })) return;
      }
    });
  }
}

void WorkerPool::wake() {
  wake_.notify_all();
}

void WorkerPool::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : threads_) {
    if (t.joinable()) t.join();
  }
  threads_.clear();
}

}  // namespace oppenvard::app
