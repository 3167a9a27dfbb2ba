#pragma once
// SQL of the audit log. Every method runs on the session it is given, so that an event is
// written in the same transaction as the patient-data read or write it records. Blocking:
// runs on the blocking pool.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/model.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"

namespace oppenvard::audit {

std::vector<db::Migration> migrations();

class Store {
 public:
  // Appends an event to the chain: reads the last (sequence, hash) and inserts sequence + 1
  // with the chained hash. Must run inside the caller's write transaction (db::Database::
  // transaction): on SQLite that transaction already holds the write lock (BEGIN IMMEDIATE);
  // on PostgreSQL this takes a transaction-scoped advisory lock first, so concurrent
  // appenders queue until the one before commits or rolls back. UNIQUE (sequence) is the
  // last line of defence: a fork fails the transaction instead of being stored.
  // Throws std::invalid_argument for an event rules.hpp invalid_reason() refuses.
  AuditEvent append(soci::session& sql, const NewAuditEvent& event, std::int64_t now_ms);

  // The last event's sequence and hash; {0, kGenesisHash} for an empty log.
  ChainHead head(soci::session& sql);

  // Up to `limit` events with sequence > after_sequence, in sequence order (for streaming
  // verification).
  std::vector<AuditEvent> batch_after(soci::session& sql, std::int64_t after_sequence,
                                      std::size_t limit);
  // Every event in sequence order (read in batches).
  std::vector<AuditEvent> all_in_order(soci::session& sql);

  std::optional<AuditEvent> find(soci::session& sql, const std::string& id);

  // Events matching every filter set in `query`, newest (highest sequence) first, at most
  // query.limit (> 0) of them, older than query.after_sequence when set.
  std::vector<AuditEvent> query(soci::session& sql, const Query& query);

  // A systematic-review sample: n events of the care unit with from_ms <= at_ms < to_ms,
  // chosen by rules.hpp sample_positions over their ids (same seed, same sample on either
  // database), in sequence order.
  std::vector<AuditEvent> random_sample(soci::session& sql, const std::string& care_unit_id,
                                        std::int64_t from_ms, std::int64_t to_ms, std::size_t n,
                                        std::uint64_t seed);

  // Documents a review of an event; nullopt when no such event exists.
  std::optional<Review> mark_reviewed(soci::session& sql, const std::string& event_id,
                                      const std::string& reviewer_id, std::int64_t now_ms,
                                      const std::string& note);
  std::vector<Review> reviews_of(soci::session& sql, const std::string& event_id);

  // The patient's log extract: each access to the patient's data, newest first.
  std::vector<ExtractRow> extract_for_patient(soci::session& sql, const std::string& patient_id);
};

}  // namespace oppenvard::audit
