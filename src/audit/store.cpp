#include "audit/store.hpp"

#include <stdexcept>

#include "audit/rules.hpp"
#include "db/uuid.hpp"

namespace oppenvard::audit {
namespace {

// The log is append-only: no statement here updates or deletes an event. Every column is
// NOT NULL; "none" is the empty string, so one equality filter serves both databases.
constexpr std::string_view kCreateEvents =
    "CREATE TABLE audit_events ("
    " id TEXT PRIMARY KEY,"
    " sequence BIGINT NOT NULL UNIQUE,"
    " at_ms BIGINT NOT NULL,"
    " actor_kind TEXT NOT NULL CHECK (actor_kind IN ('staff', 'patient', 'guardian', 'system')),"
    " actor_id TEXT NOT NULL,"
    " actor_role TEXT NOT NULL,"
    " care_unit_id TEXT NOT NULL,"
    " patient_id TEXT NOT NULL,"
    " action TEXT NOT NULL,"
    " object_type TEXT NOT NULL,"
    " object_id TEXT NOT NULL,"
    " client_address TEXT NOT NULL,"
    " success INTEGER NOT NULL CHECK (success IN (0, 1)),"
    " previous_hash TEXT NOT NULL,"
    " hash TEXT NOT NULL)";
constexpr std::string_view kIndexByPatient =
    "CREATE INDEX audit_events_by_patient ON audit_events (patient_id, at_ms)";
constexpr std::string_view kIndexByCareUnit =
    "CREATE INDEX audit_events_by_care_unit ON audit_events (care_unit_id, at_ms)";
constexpr std::string_view kIndexByActor =
    "CREATE INDEX audit_events_by_actor ON audit_events (actor_id, at_ms)";
constexpr std::string_view kCreateReviews =
    "CREATE TABLE audit_reviews ("
    " id TEXT PRIMARY KEY,"
    " event_id TEXT NOT NULL REFERENCES audit_events (id),"
    " reviewer_id TEXT NOT NULL,"
    " reviewed_at_ms BIGINT NOT NULL,"
    " note TEXT NOT NULL)";
constexpr std::string_view kIndexReviews =
    "CREATE INDEX audit_reviews_by_event ON audit_reviews (event_id, reviewed_at_ms)";

// Held until the caller's transaction ends; the number names "oppenvard audit chain"
// ("ovaudt") among advisory locks and differs from the migrations' lock.
constexpr std::string_view kLockChain = "SELECT pg_advisory_xact_lock(122554231907444)";
constexpr std::string_view kSelectHead =
    "SELECT sequence, hash FROM audit_events ORDER BY sequence DESC LIMIT 1";
constexpr std::string_view kInsertEvent =
    "INSERT INTO audit_events (id, sequence, at_ms, actor_kind, actor_id, actor_role,"
    " care_unit_id, patient_id, action, object_type, object_id, client_address, success,"
    " previous_hash, hash)"
    " VALUES (:id, :sequence, :at, :actor_kind, :actor_id, :actor_role, :unit, :patient,"
    " :action, :object_type, :object_id, :address, :success, :previous_hash, :hash)";

constexpr std::string_view kSelectEvents =
    "SELECT id, sequence, at_ms, actor_kind, actor_id, actor_role, care_unit_id, patient_id,"
    " action, object_type, object_id, client_address, success, previous_hash, hash"
    " FROM audit_events";
constexpr std::string_view kBatchAfter = " WHERE sequence > :after ORDER BY sequence LIMIT :limit";
constexpr std::string_view kById = " WHERE id = :id";
// Review queries: the filters that are set are appended to kAllEvents, then kNewestFirst.
constexpr std::string_view kAllEvents = " WHERE 1 = 1";
constexpr std::string_view kFilterPatient = " AND patient_id = :patient";
constexpr std::string_view kFilterCareUnit = " AND care_unit_id = :unit";
constexpr std::string_view kFilterActor = " AND actor_id = :actor";
constexpr std::string_view kFilterFrom = " AND at_ms >= :from";
constexpr std::string_view kFilterTo = " AND at_ms < :to";
constexpr std::string_view kFilterOlder = " AND sequence < :after";
constexpr std::string_view kNewestFirst = " ORDER BY sequence DESC LIMIT :limit";

constexpr std::string_view kSampleFrame =
    "SELECT id FROM audit_events"
    " WHERE care_unit_id = :unit AND at_ms >= :from AND at_ms < :to ORDER BY sequence";

constexpr std::string_view kCountEvent = "SELECT COUNT(*) FROM audit_events WHERE id = :id";
constexpr std::string_view kInsertReview =
    "INSERT INTO audit_reviews (id, event_id, reviewer_id, reviewed_at_ms, note)"
    " VALUES (:id, :event, :reviewer, :at, :note)";
constexpr std::string_view kSelectReviews =
    "SELECT id, event_id, reviewer_id, reviewed_at_ms, note FROM audit_reviews"
    " WHERE event_id = :event ORDER BY reviewed_at_ms, id";

constexpr std::string_view kSelectExtract =
    "SELECT at_ms, care_unit_id, action, success FROM audit_events"
    " WHERE patient_id = :patient ORDER BY at_ms DESC, sequence DESC";

constexpr std::size_t kBatchSize = 1000;

// A SELECT of kSelectEvents columns run with the filters bound by the caller.
class EventReader {
 public:
  explicit EventReader(soci::session& sql) : st_(sql) {
    st_.exchange(soci::into(id_));
    st_.exchange(soci::into(sequence_));
    st_.exchange(soci::into(at_ms_));
    st_.exchange(soci::into(actor_kind_));
    st_.exchange(soci::into(actor_id_));
    st_.exchange(soci::into(actor_role_));
    st_.exchange(soci::into(care_unit_id_));
    st_.exchange(soci::into(patient_id_));
    st_.exchange(soci::into(action_));
    st_.exchange(soci::into(object_type_));
    st_.exchange(soci::into(object_id_));
    st_.exchange(soci::into(client_address_));
    st_.exchange(soci::into(success_));
    st_.exchange(soci::into(previous_hash_));
    st_.exchange(soci::into(hash_));
  }

  // The value must outlive run().
  template <class T>
  void bind(const T& value, const std::string& name) {
    st_.exchange(soci::use(value, name));
  }

  std::vector<AuditEvent> run(const std::string& text) {
    st_.alloc();
    st_.prepare(text);
    st_.define_and_bind();
    st_.execute();
    std::vector<AuditEvent> events;
    while (st_.fetch()) {
      AuditEvent& e = events.emplace_back();
      e.id = id_;
      e.sequence = sequence_;
      e.at_ms = at_ms_;
      e.actor_kind = actor_kind_;
      e.actor_id = actor_id_;
      e.actor_role = actor_role_;
      e.care_unit_id = care_unit_id_;
      e.patient_id = patient_id_;
      e.action = action_;
      e.object_type = object_type_;
      e.object_id = object_id_;
      e.client_address = client_address_;
      e.success = success_ != 0;
      e.previous_hash = previous_hash_;
      e.hash = hash_;
    }
    return events;
  }

 private:
  soci::statement st_;
  std::string id_, actor_kind_, actor_id_, actor_role_, care_unit_id_, patient_id_, action_,
      object_type_, object_id_, client_address_, previous_hash_, hash_;
  long long sequence_ = 0;
  long long at_ms_ = 0;
  int success_ = 0;
};

std::string events_where(std::string_view tail) {
  return std::string(kSelectEvents) + std::string(tail);
}

}  // namespace

std::vector<db::Migration> migrations() {
  return {{"audit/0001_events",
           {kCreateEvents, kIndexByPatient, kIndexByCareUnit, kIndexByActor, kCreateReviews,
            kIndexReviews}}};
}

AuditEvent Store::append(soci::session& sql, const NewAuditEvent& event, std::int64_t now_ms) {
  if (auto why = invalid_reason(event)) throw std::invalid_argument("audit event: " + *why);
  if (sql.get_backend_name() == "postgresql") sql << kLockChain;
  const ChainHead last = head(sql);
  const AuditEvent e = seal(event, db::new_uuid_v7(), last.sequence + 1, now_ms, last.hash);
  const long long sequence = e.sequence;
  const long long at = e.at_ms;
  const int success = e.success ? 1 : 0;
  sql << kInsertEvent, soci::use(e.id, "id"), soci::use(sequence, "sequence"), soci::use(at, "at"),
      soci::use(e.actor_kind, "actor_kind"), soci::use(e.actor_id, "actor_id"),
      soci::use(e.actor_role, "actor_role"), soci::use(e.care_unit_id, "unit"),
      soci::use(e.patient_id, "patient"), soci::use(e.action, "action"),
      soci::use(e.object_type, "object_type"), soci::use(e.object_id, "object_id"),
      soci::use(e.client_address, "address"), soci::use(success, "success"),
      soci::use(e.previous_hash, "previous_hash"), soci::use(e.hash, "hash");
  return e;
}

ChainHead Store::head(soci::session& sql) {
  long long sequence = 0;
  std::string hash;
  sql << kSelectHead, soci::into(sequence), soci::into(hash);
  if (!sql.got_data()) return {0, std::string(kGenesisHash)};
  return {sequence, hash};
}

std::vector<AuditEvent> Store::batch_after(soci::session& sql, std::int64_t after_sequence,
                                           std::size_t limit) {
  const long long after = after_sequence;
  const long long count = static_cast<long long>(limit);
  EventReader reader(sql);
  reader.bind(after, "after");
  reader.bind(count, "limit");
  return reader.run(events_where(kBatchAfter));
}

std::vector<AuditEvent> Store::all_in_order(soci::session& sql) {
  std::vector<AuditEvent> all;
  std::int64_t after = 0;
  for (;;) {
    auto batch = batch_after(sql, after, kBatchSize);
    if (batch.empty()) break;
    after = batch.back().sequence;
    for (auto& e : batch) all.push_back(std::move(e));
  }
  return all;
}

std::optional<AuditEvent> Store::find(soci::session& sql, const std::string& id) {
  EventReader reader(sql);
  reader.bind(id, "id");
  auto found = reader.run(events_where(kById));
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<AuditEvent> Store::query(soci::session& sql, const Query& q) {
  std::string text = events_where(kAllEvents);
  EventReader reader(sql);
  // Only the filters that are set appear in the SQL, so each can use its index.
  if (q.patient_id) {
    text += kFilterPatient;
    reader.bind(*q.patient_id, "patient");
  }
  if (q.care_unit_id) {
    text += kFilterCareUnit;
    reader.bind(*q.care_unit_id, "unit");
  }
  if (q.actor_id) {
    text += kFilterActor;
    reader.bind(*q.actor_id, "actor");
  }
  const long long from = q.from_ms.value_or(0);
  const long long to = q.to_ms.value_or(0);
  const long long after = q.after_sequence.value_or(0);
  const long long limit = q.limit;
  if (q.from_ms) {
    text += kFilterFrom;
    reader.bind(from, "from");
  }
  if (q.to_ms) {
    text += kFilterTo;
    reader.bind(to, "to");
  }
  if (q.after_sequence) {
    text += kFilterOlder;
    reader.bind(after, "after");
  }
  text += kNewestFirst;
  reader.bind(limit, "limit");
  return reader.run(text);
}

std::vector<AuditEvent> Store::random_sample(soci::session& sql, const std::string& care_unit_id,
                                             std::int64_t from_ms, std::int64_t to_ms,
                                             std::size_t n, std::uint64_t seed) {
  std::vector<std::string> ids;
  {
    const long long from = from_ms;
    const long long to = to_ms;
    soci::rowset<std::string> rows = (sql.prepare << kSampleFrame, soci::use(care_unit_id, "unit"),
                                      soci::use(from, "from"), soci::use(to, "to"));
    for (const auto& id : rows) ids.push_back(id);
  }
  std::vector<AuditEvent> sample;
  for (std::size_t position : sample_positions(ids, n, seed)) {
    if (auto event = find(sql, ids[position])) sample.push_back(std::move(*event));
  }
  return sample;
}

std::optional<Review> Store::mark_reviewed(soci::session& sql, const std::string& event_id,
                                           const std::string& reviewer_id, std::int64_t now_ms,
                                           const std::string& note) {
  int count = 0;
  sql << kCountEvent, soci::use(event_id, "id"), soci::into(count);
  if (count == 0) return std::nullopt;
  Review review{db::new_uuid_v7(), event_id, reviewer_id, now_ms, note};
  const long long at = now_ms;
  sql << kInsertReview, soci::use(review.id, "id"), soci::use(review.event_id, "event"),
      soci::use(review.reviewer_id, "reviewer"), soci::use(at, "at"),
      soci::use(review.note, "note");
  return review;
}

std::vector<Review> Store::reviews_of(soci::session& sql, const std::string& event_id) {
  Review row;
  long long at = 0;
  soci::statement st =
      (sql.prepare << kSelectReviews, soci::use(event_id, "event"), soci::into(row.id),
       soci::into(row.event_id), soci::into(row.reviewer_id), soci::into(at), soci::into(row.note));
  st.execute();
  std::vector<Review> reviews;
  while (st.fetch()) {
    row.reviewed_at_ms = at;
    reviews.push_back(row);
  }
  return reviews;
}

std::vector<ExtractRow> Store::extract_for_patient(soci::session& sql,
                                                   const std::string& patient_id) {
  ExtractRow row;
  long long at = 0;
  int success = 0;
  soci::statement st =
      (sql.prepare << kSelectExtract, soci::use(patient_id, "patient"), soci::into(at),
       soci::into(row.care_unit_id), soci::into(row.action), soci::into(success));
  st.execute();
  std::vector<ExtractRow> rows;
  while (st.fetch()) {
    row.at_ms = at;
    row.success = success != 0;
    rows.push_back(row);
  }
  return rows;
}

}  // namespace oppenvard::audit
