# Subscribes a signed-in customer to the newsletter with the address on their account.
class NewsletterSignup
  def initialize(user)
    @user = user
  end

  def call
    NewsletterSubscription.find_or_create_by!(email: @user.email) do |subscription|
      subscription.source = "account"
    end
  end
end
