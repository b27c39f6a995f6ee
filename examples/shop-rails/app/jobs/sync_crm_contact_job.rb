class SyncCrmContactJob < ApplicationJob
  queue_as :default

  def perform(user_id)
    user = User.find(user_id)
    CrmClient.new.upsert_contact(external_id: user.id, email: user.email, name: user.name)
  end
end
