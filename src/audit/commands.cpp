#include "audit/commands.hpp"

#include <exception>
#include <ostream>

#include "audit/rules.hpp"
#include "audit/service.hpp"
#include "core/clock.hpp"

namespace oppenvard::audit {

int run_audit_verify(db::Database& db, std::ostream& out, std::ostream& err,
                     std::optional<std::string_view> expect_head) {
  std::optional<ChainHead> anchor;
  if (expect_head) {
    anchor = parse_chain_head(*expect_head);
    if (!anchor) {
      err << "audit verify: --expect-head must be SEQUENCE:HASH (64 lower-case hex digits)\n";
      return 2;
    }
  }
  const core::SystemClock clock;
  Service service(db, clock);
  VerifyResult result;
  try {
    result = service.verify(anchor);
  } catch (const std::exception& e) {
    err << "audit verify: cannot read the audit log: " << e.what() << "\n";
    return 2;
  }
  if (!result.ok) {
    err << "audit log broken at event " << result.first_broken_sequence.value_or(0) << " ("
        << (result.first_broken_id.empty() ? "missing" : result.first_broken_id)
        << "): " << result.reason << "\n";
    return 1;
  }
  out << "audit log intact: " << result.checked << " events\n"
      << "head: " << format_chain_head(result.head) << "\n";
  return 0;
}

}  // namespace oppenvard::audit
