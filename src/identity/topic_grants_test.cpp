#include "identity/topic_grants.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace oppenvard::identity {
namespace {

TEST(TopicGrants, AGrantOpensItsTopicUntilItExpires) {
  const TopicGrants grants;
  const auto grant = grants.issue("unit:abc", 1000);
  EXPECT_TRUE(grants.verify("unit:abc", grant, 1000));
  EXPECT_TRUE(grants.verify("unit:abc", grant, 1000 + TopicGrants::kLifetimeMs));
  EXPECT_FALSE(grants.verify("unit:abc", grant, 1001 + TopicGrants::kLifetimeMs));
}

TEST(TopicGrants, AGrantOpensNoOtherTopic) {
  const TopicGrants grants;
  EXPECT_FALSE(grants.verify("unit:abd", grants.issue("unit:abc", 0), 0));
  EXPECT_FALSE(grants.verify("case:1", grants.issue("case:12", 0), 0));
}

TEST(TopicGrants, ForgedOrMangledGrantsAreRefused) {
  const TopicGrants grants;
  const TopicGrants other;
  const auto grant = grants.issue("case:x", 0);
  EXPECT_FALSE(other.verify("case:x", grant, 0));  // another key (another node, a restart)
  // A later expiry with the old signature.
  const auto forged = std::to_string(10 * TopicGrants::kLifetimeMs) + grant.substr(grant.find('.'));
  EXPECT_FALSE(grants.verify("case:x", forged, 0));
  for (const std::string& bad :
       std::vector<std::string>{"", ".", "123", "abc.def", "1.", grant + "0", grant.substr(1)}) {
    EXPECT_FALSE(grants.verify("case:x", bad, 0)) << bad;
  }
}

}  // namespace
}  // namespace oppenvard::identity
