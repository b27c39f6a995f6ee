require "rails_helper"

RSpec.describe Order do
  it "rejects an unknown status" do
    order = build(:order, status: "lost")
    expect(order).not_to be_valid
  end
end
