#pragma once
// Use cases of the audit log: record, verify, review, extract. Who may review or extract is
// decided by the caller (the api layer, with the actor's scope); reading the log is itself
// an access to patient data and is recorded there.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "audit/model.hpp"
#include "audit/rules.hpp"
#include "audit/store.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace oppenvard::audit {

class AuditError : public std::runtime_error {
 public:
  explicit AuditError(Error error) : std::runtime_error("audit error"), error_(error) {}
  Error error() const { return error_; }

 private:
  Error error_;
};

class Service {
 public:
  Service(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  static constexpr int kMaxPageSize = 500;
  static constexpr std::size_t kMaxSampleSize = 1000;

  // Records an event inside the caller's transaction, the one that reads or writes the
  // patient data: both commit or neither does. Throws AuditError(invalid_event).
  AuditEvent record(soci::session& sql, const NewAuditEvent& event);
  // Records an event in a transaction of its own: for refused attempts (whose own
  // transaction rolls back) and for reads made outside a write transaction.
  AuditEvent record(const NewAuditEvent& event);

  // Streams the whole log through the chain check. With an anchor recorded earlier
  // (`audit verify` prints one), events removed at the end are caught too.
  VerifyResult verify(const std::optional<ChainHead>& anchor = std::nullopt);
  ChainHead head();

  // Review queries, newest first; the limit is clamped to 1..kMaxPageSize. The next page:
  // after_sequence = the last event's sequence.
  std::vector<AuditEvent> query(Query query);
  // A reproducible sample for the systematic review of a care unit's period [from, to).
  std::vector<AuditEvent> random_sample(const std::string& care_unit_id, std::int64_t from_ms,
                                        std::int64_t to_ms, std::size_t n, std::uint64_t seed);
  // Documents a review; throws AuditError(event_not_found).
  Review mark_reviewed(const std::string& event_id, const std::string& reviewer_id,
                       const std::string& note);
  std::vector<Review> reviews_of(const std::string& event_id);
  std::optional<AuditEvent> find(const std::string& event_id);
  // The patient's log extract (care unit and time of each access), newest first.
  std::vector<ExtractRow> extract_for_patient(const std::string& patient_id);

 private:
  db::Database& db_;
  const core::Clock& clock_;
  Store store_;
};

}  // namespace oppenvard::audit
