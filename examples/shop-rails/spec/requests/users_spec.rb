require "rails_helper"

RSpec.describe "Users API" do
  it "returns the serialized user" do
    user = create(:user, email: "linus@example.com", name: "Linus")
    get "/users/#{user.id}", as: :json
    expect(response.parsed_body).to include("email" => "linus@example.com", "name" => "Linus")
  end

  it "creates a user" do
    post "/users", params: { user: { email: "new@example.com", name: "New" } }, as: :json
    expect(response).to have_http_status(:created)
    expect(User.find_by(email: "new@example.com")).to be_present
  end
end
