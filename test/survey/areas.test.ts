import { describe, expect, it } from "vitest";
import { areaOf, isTestPath } from "../../src/survey/areas.js";

describe("where a reference sits", () => {
  it.each([
    ["app/models/user.rb", "", "models"],
    ["src/entity/User.ts", "", "models"],
    ["app/serializers/user_serializer.rb", "", "serializers"],
    ["src/users/dto/create-user.dto.ts", "", "serializers"],
    ["schema.graphql", "", "serializers"],
    ["app/views/users/show.html.erb", "", "views"],
    ["app/controllers/users_controller.rb", "", "controllers"],
    ["app/Http/Controllers/UserController.php", "", "controllers"],
    ["core/views.py", "", "controllers"],
    ["src/users/user.routes.ts", "", "controllers"],
    ["src/users/userRoutes.js", "", "controllers"],
    ["resources/views/users/show.blade.php", "", "views"],
    ["lib/shop_web/controllers/user_html/show.html.heex", "", "views"],
    ["app/jobs/sync_contact_job.rb", "", "jobs"],
    ["app/mailers/user_mailer.rb", "", "jobs"],
    ["web/src/components/UserCard.tsx", "", "frontend"],
    ["app/javascript/types/user.ts", "", "frontend"],
    ["db/seeds.rb", "", "fixtures"],
    ["database/seeders/DatabaseSeeder.php", "", "fixtures"],
    ["src/users/userRepository.js", "", "queries"],
    ["src/main/java/shop/UserEntity.java", "", "models"],
    ["src/main/java/shop/UserDao.java", "", "queries"],
    ["lib/yaml/nodes/identity.js", "", "other"],
    ["lib/remodel.js", "", "other"],
    ["lib/report.rb", "  WHERE email LIKE '%@x'", "queries"],
    ["lib/report.rb", "  sql = 'select id, email from users where active'", "queries"],
    ["lib/report.rb", "  JOIN users u ON u.id = o.user_id", "queries"],
    ["lib/format.js", "  return emails.join(', ');", "other"],
    ["lib/notify.py", "  # send where the email is set", "other"],
    ["config/settings.yml", "", "config"],
    ["lib/util.rb", "x = 1", "other"],
  ])("%s is in %s", (path, line, area) => {
    expect(areaOf(path, line)).toBe(area);
  });

  it.each(["spec/models/user_spec.rb", "test/users.test.js", "src/users/user.service.spec.ts", "internal/store/users_test.go", "tests/test_users.py", "core/tests.py", "src/test/java/a/UserServiceTest.java"])(
    "%s is a test",
    (path) => expect(isTestPath(path)).toBe(true),
  );

  it.each(["app/models/user.rb", "src/contest/entry.ts", "latest/notes.md"])("%s is not a test", (path) => {
    expect(isTestPath(path)).toBe(false);
  });
});
