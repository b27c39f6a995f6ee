FactoryBot.define do
  factory :order do
    user
    total_cents { 2_500 }
    status { "pending" }
  end
end
