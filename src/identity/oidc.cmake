# OpenID Connect log-in (included from CMakeLists.txt). cjose verifies the ID tokens.
pkg_check_modules(CJOSE REQUIRED IMPORTED_TARGET cjose)
add_library(oppenvard_identity_oidc STATIC oidc_rules.cpp oidc_login.cpp)
target_link_libraries(oppenvard_identity_oidc PUBLIC oppenvard_identity oppenvard_core
                                                     oppenvard_http_core Boost::json
                                                     spdlog::spdlog PkgConfig::SODIUM
                                                     PkgConfig::CJOSE)

oppenvard_unit_test(identity_oidc_test oidc_rules_test.cpp oidc_login_test.cpp)
target_link_libraries(identity_oidc_test PRIVATE oppenvard_identity_oidc oppenvard_db_testing)

if(NOT OPPENVARD_UNIT_ONLY)
  # The outbound HTTP client: the one OIDC translation unit with Beast (slow to compile).
  find_package(OpenSSL REQUIRED)
  add_library(oppenvard_identity_oidc_http STATIC oidc_http.cpp)
  target_link_libraries(oppenvard_identity_oidc_http PUBLIC oppenvard_identity_oidc Boost::url
                                                            OpenSSL::SSL OpenSSL::Crypto
                                                            Threads::Threads)
endif()
