class NewsletterSubscriptionsController < ApplicationController
  def create
    subscription = NewsletterSubscription.find_or_create_by!(email: subscription_params[:email].to_s.downcase)
    render json: { id: subscription.id }, status: :created
  end

  def destroy
    NewsletterSubscription.where(email: params[:email].to_s.downcase).destroy_all
    head :no_content
  end

  private

  def subscription_params
    params.require(:newsletter_subscription).permit(:email, :source)
  end
end
