FactoryBot.define do
  factory :user do
    sequence(:email) { |n| "customer#{n}@example.com" }
    name { "Ada Lovelace" }
  end
end
