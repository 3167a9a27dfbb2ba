#include "audit/rules.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>

namespace oppenvard::audit {
namespace {

NewAuditEvent access(int n) {
  NewAuditEvent e;
  e.actor_kind = "staff";
  e.actor_id = "staff-" + std::to_string(n % 3);
  e.actor_role = "doctor";
  e.care_unit_id = "unit-" + std::to_string(n % 2);
  e.patient_id = "patient-" + std::to_string(n % 4);
  e.action = "read";
  e.object_type = "case";
  e.object_id = "case-" + std::to_string(n);
  e.client_address = "192.0.2." + std::to_string(n);
  e.success = true;
  return e;
}

// Events 1..count, correctly chained.
std::vector<AuditEvent> chain(int count) {
  std::vector<AuditEvent> events;
  std::string previous(kGenesisHash);
  for (int i = 1; i <= count; ++i) {
    events.push_back(
        seal(access(i), "id-" + std::to_string(i), i, 1'767'225'600'000 + i * 1000, previous));
    previous = events.back().hash;
  }
  return events;
}

// Re-seals events[from..] onto their predecessors, as someone who rewrites the log would.
void reseal_from(std::vector<AuditEvent>& events, std::size_t from) {
  for (std::size_t i = from; i < events.size(); ++i) {
    events[i].previous_hash = i == 0 ? std::string(kGenesisHash) : events[i - 1].hash;
    events[i].hash = chain_hash(events[i].previous_hash, events[i]);
  }
}

ChainHead head_of(const std::vector<AuditEvent>& events) {
  return {events.back().sequence, events.back().hash};
}

TEST(AuditChain, AnEmptyChainIsIntact) {
  const auto result = verify_chain({});
  EXPECT_TRUE(result.ok);
  EXPECT_EQ(result.checked, 0);
  EXPECT_FALSE(result.first_broken_sequence);
  EXPECT_EQ(result.head.sequence, 0);
  EXPECT_EQ(result.head.hash, kGenesisHash);
}

TEST(AuditChain, AnIntactChainVerifiesAndReportsItsHead) {
  const auto events = chain(5);
  EXPECT_EQ(events[0].previous_hash, kGenesisHash);
  EXPECT_EQ(events[1].previous_hash, events[0].hash);
  const auto result = verify_chain(events);
  EXPECT_TRUE(result.ok) << result.reason;
  EXPECT_EQ(result.checked, 5);
  EXPECT_EQ(result.head.sequence, 5);
  EXPECT_EQ(result.head.hash, events[4].hash);
}

TEST(AuditChain, TheCanonicalFormAndHashArePinned) {
  // Stored hashes depend on these exact bytes: changing the form breaks every old log.
  NewAuditEvent n;
  n.actor_kind = "staff";
  n.actor_id = "SE2321000131-S1";
  n.actor_role = "doctor";
  n.care_unit_id = "unit-1";
  n.patient_id = "patient-1";
  n.action = "read";
  n.object_type = "case";
  n.object_id = "case-1";
  n.client_address = "192.0.2.7";
  n.success = true;
  const auto e = seal(n, "0190a000-0000-7000-8000-000000000001", 5, 1'767'225'600'000,
                      std::string(kGenesisHash));
  EXPECT_EQ(canonical_form(e),
            "14:audit-event-v1;36:0190a000-0000-7000-8000-000000000001;1:5;13:1767225600000;"
            "5:staff;15:SE2321000131-S1;6:doctor;6:unit-1;9:patient-1;4:read;4:case;6:case-1;"
            "9:192.0.2.7;1:1;");
  EXPECT_EQ(e.hash, "cd68ec557bae5a9b7cc7a630e7a43ed36171bd3b62033d3fabdb9bbac1cb73fe");
}

TEST(AuditChain, SeparatorsInsideValuesCannotShiftFieldBoundaries) {
  auto a = chain(1)[0];
  auto b = a;
  a.actor_id = "x;6:doctor";
  a.actor_role = "";
  b.actor_id = "x";
  b.actor_role = "doctor";
  EXPECT_NE(canonical_form(a), canonical_form(b));
  EXPECT_NE(chain_hash(std::string(kGenesisHash), a), chain_hash(std::string(kGenesisHash), b));
  auto c = a;
  c.care_unit_id = "";
  c.patient_id = a.care_unit_id;  // moving a value to the next field changes the hash
  a.patient_id = "";
  EXPECT_NE(canonical_form(a), canonical_form(c));
}

struct FieldChange {
  std::string name;
  std::function<void(AuditEvent&)> change;
};

std::vector<FieldChange> every_field_change() {
  return {
      {"id", [](AuditEvent& e) { e.id += "x"; }},
      {"at_ms", [](AuditEvent& e) { e.at_ms += 1; }},
      {"actor_kind", [](AuditEvent& e) { e.actor_kind = "system"; }},
      {"actor_id", [](AuditEvent& e) { e.actor_id = "someone-else"; }},
      {"actor_role", [](AuditEvent& e) { e.actor_role = "unit_manager"; }},
      {"care_unit_id", [](AuditEvent& e) { e.care_unit_id = "unit-9"; }},
      {"patient_id", [](AuditEvent& e) { e.patient_id = "x"; }},
      {"action", [](AuditEvent& e) { e.action = "update"; }},
      {"object_type", [](AuditEvent& e) { e.object_type = "message"; }},
      {"object_id", [](AuditEvent& e) { e.object_id = "case-999"; }},
      {"client_address", [](AuditEvent& e) { e.client_address = "198.51.100.1"; }},
      {"success", [](AuditEvent& e) { e.success = !e.success; }},
      {"hash", [](AuditEvent& e) { e.hash[10] = e.hash[10] == 'a' ? 'b' : 'a'; }},
      {"hash (not hex)", [](AuditEvent& e) { e.hash = "tampered"; }},
  };
}

TEST(AuditChain, AlteringAnyFieldOfAnyEventIsDetectedAtThatEvent) {
  for (std::size_t at : {0u, 2u, 4u}) {  // first, middle, last
    for (const auto& field : every_field_change()) {
      auto events = chain(5);
      field.change(events[at]);
      const auto result = verify_chain(events);
      SCOPED_TRACE(field.name + " of event " + std::to_string(at + 1));
      EXPECT_FALSE(result.ok);
      EXPECT_EQ(result.first_broken_sequence, static_cast<std::int64_t>(at + 1));
      EXPECT_EQ(result.first_broken_id, events[at].id);
      EXPECT_EQ(result.reason, "hash mismatch");
      EXPECT_EQ(result.checked, static_cast<std::int64_t>(at));
    }
  }
}

TEST(AuditChain, AlteringTheLinkOrTheSequenceIsDetectedAtThatEvent) {
  for (std::size_t at : {0u, 2u, 4u}) {
    SCOPED_TRACE("event " + std::to_string(at + 1));
    auto events = chain(5);
    events[at].previous_hash[0] = events[at].previous_hash[0] == 'a' ? 'b' : 'a';
    auto result = verify_chain(events);
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.first_broken_sequence, static_cast<std::int64_t>(at + 1));
    EXPECT_EQ(result.reason, "previous hash mismatch");

    events = chain(5);
    events[at].sequence += 1;  // reported under the sequence it now claims, with its id
    result = verify_chain(events);
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.first_broken_sequence, static_cast<std::int64_t>(at + 2));
    EXPECT_EQ(result.first_broken_id, events[at].id);
    EXPECT_EQ(result.reason, "sequence gap");

    events = chain(5);
    events[at].sequence -= 1;
    result = verify_chain(events);
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.first_broken_id, events[at].id);
    EXPECT_EQ(result.reason, "sequence out of order");
  }
}

TEST(AuditChain, DeletingTheFirstEventIsASequenceGapAtTheNext) {
  auto events = chain(5);
  events.erase(events.begin());
  const auto result = verify_chain(events);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_broken_sequence, 2);
  EXPECT_EQ(result.first_broken_id, "id-2");
  EXPECT_EQ(result.reason, "sequence gap");
  EXPECT_EQ(result.checked, 0);
}

TEST(AuditChain, DeletingAMiddleEventIsASequenceGapAtTheNext) {
  auto events = chain(5);
  events.erase(events.begin() + 2);
  const auto result = verify_chain(events);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_broken_sequence, 4);
  EXPECT_EQ(result.first_broken_id, "id-4");
  EXPECT_EQ(result.reason, "sequence gap");
  EXPECT_EQ(result.checked, 2);
}

TEST(AuditChain, DeletingAMiddleEventAndRenumberingBreaksTheLink) {
  auto events = chain(5);
  events.erase(events.begin() + 2);
  for (std::size_t i = 2; i < events.size(); ++i) events[i].sequence -= 1;
  const auto result = verify_chain(events);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_broken_sequence, 3);
  EXPECT_EQ(result.first_broken_id, "id-4");
  EXPECT_EQ(result.reason, "previous hash mismatch");
}

TEST(AuditChain, DeletingTheLastEventNeedsTheRecordedHead) {
  const auto original = chain(5);
  auto events = original;
  events.pop_back();
  // What remains is a valid chain: no hash chain can tell a removed tail from a log that
  // simply ended there. This is the limit the recorded head closes.
  EXPECT_TRUE(verify_chain(events).ok);
  const auto result = verify_chain(events, head_of(original));
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_broken_sequence, 5);
  EXPECT_EQ(result.first_broken_id, "");
  EXPECT_EQ(result.reason, "events missing at the end");
  EXPECT_EQ(result.checked, 4);
}

TEST(AuditChain, AHeadRecordedEarlierAcceptsEventsAppendedSince) {
  const auto events = chain(5);
  const ChainHead earlier{3, events[2].hash};
  EXPECT_TRUE(verify_chain(events, earlier).ok);
  EXPECT_TRUE(verify_chain(events, head_of(events)).ok);
  EXPECT_TRUE(verify_chain({}, ChainHead{0, std::string(kGenesisHash)}).ok);
  EXPECT_FALSE(verify_chain({}, ChainHead{1, events[0].hash}).ok);
}

TEST(AuditChain, SwappingTwoEventsIsDetectedAtTheFirstOfThem) {
  auto events = chain(5);
  std::swap(events[1], events[2]);  // the rows as stored, read back in the wrong order
  auto result = verify_chain(events);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_broken_sequence, 3);
  EXPECT_EQ(result.first_broken_id, "id-3");
  EXPECT_EQ(result.reason, "sequence gap");

  // Swapping their sequence numbers too, so that the order looks right.
  events = chain(5);
  std::swap(events[1], events[2]);
  std::swap(events[1].sequence, events[2].sequence);
  result = verify_chain(events);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_broken_sequence, 2);
  EXPECT_EQ(result.first_broken_id, "id-3");
  EXPECT_EQ(result.reason, "previous hash mismatch");
}

TEST(AuditChain, AnInsertedEventIsDetected) {
  // A forged event correctly chained onto event 2, the later ones renumbered: the first
  // genuine event after it no longer links.
  auto events = chain(5);
  auto forged = seal(access(99), "forged", 3, events[1].at_ms + 1, events[1].hash);
  events.insert(events.begin() + 2, forged);
  for (std::size_t i = 3; i < events.size(); ++i) events[i].sequence += 1;
  auto result = verify_chain(events);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_broken_sequence, 4);
  EXPECT_EQ(result.first_broken_id, "id-3");
  EXPECT_EQ(result.reason, "previous hash mismatch");

  // Inserted without renumbering: two events claim sequence 3.
  events = chain(5);
  events.insert(events.begin() + 3, forged);
  result = verify_chain(events);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_broken_sequence, 3);
  EXPECT_EQ(result.first_broken_id, "forged");
  EXPECT_EQ(result.reason, "sequence out of order");
}

TEST(AuditChain, ReHashingAnAlteredEventIsDetectedAtTheNext) {
  auto events = chain(5);
  events[2].patient_id = "x";
  events[2].hash = chain_hash(events[2].previous_hash, events[2]);
  const auto result = verify_chain(events);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_broken_sequence, 4);
  EXPECT_EQ(result.first_broken_id, "id-4");
  EXPECT_EQ(result.reason, "previous hash mismatch");
  EXPECT_EQ(result.checked, 3);
}

TEST(AuditChain, RewritingTheWholeRestIsCaughtOnlyByTheRecordedHead) {
  const auto original = chain(5);
  auto events = original;
  events[2].patient_id = "x";
  reseal_from(events, 2);
  // The hash is not keyed: whoever can write the table can recompute every later hash.
  EXPECT_TRUE(verify_chain(events).ok);
  const auto result = verify_chain(events, head_of(original));
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_broken_sequence, 5);
  EXPECT_EQ(result.reason, "head anchor mismatch");
}

TEST(AuditChain, OnlyTheFirstBreakIsReported) {
  auto events = chain(6);
  events[4].action = "delete";
  events[1].action = "delete";
  ChainVerifier verifier;
  std::size_t added = 0;
  for (const auto& e : events) {
    if (!verifier.add(e)) break;
    ++added;
  }
  EXPECT_EQ(added, 1u);
  const auto result = verifier.result();
  EXPECT_EQ(result.first_broken_sequence, 2);
  EXPECT_EQ(result.head.sequence, 1);
  EXPECT_FALSE(verifier.add(events[2])) << "a broken verifier stays broken";
}

TEST(AuditChainHead, FormatsAndParses) {
  const ChainHead head{42, std::string(64, 'a')};
  const auto text = format_chain_head(head);
  EXPECT_EQ(text, "42:" + std::string(64, 'a'));
  const auto parsed = parse_chain_head(text);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->sequence, 42);
  EXPECT_EQ(parsed->hash, head.hash);
  EXPECT_TRUE(parse_chain_head("0:" + std::string(kGenesisHash)));
  for (const std::string& bad :
       std::vector<std::string>{"", "42", ":" + std::string(64, 'a'), "x:" + std::string(64, 'a'),
                                "-1:" + std::string(64, 'a'), "42:" + std::string(63, 'a'),
                                "42:" + std::string(64, 'A'), "42:" + std::string(64, 'g'),
                                "0:" + std::string(64, 'a'), "4 2:" + std::string(64, 'a')}) {
    EXPECT_FALSE(parse_chain_head(bad)) << bad;
  }
}

TEST(AuditEventRules, AcceptsAWellFormedEvent) {
  EXPECT_FALSE(invalid_reason(access(1)));
  auto system = access(1);
  system.actor_kind = "system";
  system.actor_role = "";
  system.care_unit_id = "";
  system.patient_id = "";
  system.object_type = "";
  system.object_id = "";
  EXPECT_FALSE(invalid_reason(system));
}

TEST(AuditEventRules, RefusesUnknownActorsMissingIdsAndOverlongFields) {
  auto e = access(1);
  e.actor_kind = "robot";
  EXPECT_TRUE(invalid_reason(e));
  e = access(1);
  e.actor_kind = "";
  EXPECT_TRUE(invalid_reason(e));
  e = access(1);
  e.actor_id = "";
  EXPECT_TRUE(invalid_reason(e));
  e = access(1);
  e.action = "";
  EXPECT_TRUE(invalid_reason(e));
  e = access(1);
  e.object_id = std::string(kMaxFieldBytes, 'x');
  EXPECT_FALSE(invalid_reason(e));
  e.object_id.push_back('x');
  EXPECT_TRUE(invalid_reason(e));
}

TEST(AuditSample, IsReproducibleAndPinned) {
  std::vector<std::string> ids;
  for (int i = 0; i < 10; ++i) ids.push_back("id-" + std::to_string(i));
  EXPECT_EQ(sample_positions(ids, 3, 42), (std::vector<std::size_t>{3, 5, 8}));
  EXPECT_EQ(sample_positions(ids, 3, 42), sample_positions(ids, 3, 42));
}

TEST(AuditSample, PicksDistinctPositionsInOrderAndDependsOnTheSeed) {
  std::vector<std::string> ids;
  for (int i = 0; i < 200; ++i) ids.push_back("id-" + std::to_string(i));
  const auto a = sample_positions(ids, 20, 1);
  const auto b = sample_positions(ids, 20, 2);
  EXPECT_EQ(a.size(), 20u);
  EXPECT_TRUE(std::is_sorted(a.begin(), a.end()));
  EXPECT_EQ(std::set<std::size_t>(a.begin(), a.end()).size(), 20u);
  EXPECT_LT(a.back(), ids.size());
  EXPECT_NE(a, b);
}

TEST(AuditSample, TakesEverythingWhenAskedForMoreAndNothingForZero) {
  const std::vector<std::string> ids{"a", "b", "c"};
  EXPECT_EQ(sample_positions(ids, 3, 7), (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_EQ(sample_positions(ids, 10, 7), (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_TRUE(sample_positions(ids, 0, 7).empty());
  EXPECT_TRUE(sample_positions({}, 5, 7).empty());
}

}  // namespace
}  // namespace oppenvard::audit
