class ApplicationMailer < ActionMailer::Base
  default from: "shop@shop.test"
  layout "mailer"
end
