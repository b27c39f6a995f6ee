require "rails_helper"

RSpec.describe User do
  it "downcases and strips the email before saving" do
    user = create(:user, email: "  Ada@Example.COM ")
    expect(user.reload.email).to eq("ada@example.com")
  end

  it "rejects a second user with the same email in another case" do
    create(:user, email: "ada@example.com")
    duplicate = build(:user, email: "ADA@example.com")
    expect(duplicate).not_to be_valid
  end

  it "finds a user by login" do
    user = create(:user, email: "grace@example.com")
    expect(User.find_by_login(" Grace@example.com")).to eq(user)
  end
end
