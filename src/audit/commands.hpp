#pragma once
// `oppenvard audit …` subcommands as plain functions over streams, so they can be tested.
#include <iosfwd>
#include <optional>
#include <string_view>

#include "db/database.hpp"

namespace oppenvard::audit {

// `audit verify [--expect-head SEQUENCE:HASH]`: checks the whole hash chain.
// Intact: exit 0, `audit log intact: N events` and `head: SEQUENCE:HASH` on `out` (keep the
// head outside the database; passing it back later also catches events removed at the end).
// Broken: exit 1, `audit log broken at event <sequence> (<id>): <reason>` on `err` (`missing`
// in place of the id when the events at the end are gone).
// A malformed --expect-head or an unreadable log: exit 2 and the problem on `err`.
int run_audit_verify(db::Database& db, std::ostream& out, std::ostream& err,
                     std::optional<std::string_view> expect_head = std::nullopt);

}  // namespace oppenvard::audit
