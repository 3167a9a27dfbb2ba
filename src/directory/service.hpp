#pragma once
// Use cases of the public directory. Nothing here is patient data: no audit, no scope.
#include <stdexcept>

#include "directory/model.hpp"
#include "directory/store.hpp"

namespace oppenvard::directory {

class DirectoryError : public std::runtime_error {
 public:
  explicit DirectoryError(Error error) : std::runtime_error("directory error"), error_(error) {}
  Error error() const { return error_; }

 private:
  Error error_;
};

class Service {
 public:
  explicit Service(Store& store) : store_(store) {}

  static constexpr int kMaxPageSize = 100;
  ClinicPage list(ClinicQuery query);
  Clinic get(const std::string& id);

 private:
  Store& store_;
};

}  // namespace oppenvard::directory
