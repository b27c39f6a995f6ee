require_relative "boot"

require "rails/all"

Bundler.require(*Rails.groups)

module Shop
  class Application < Rails::Application
    config.load_defaults 7.1
    config.active_job.queue_adapter = :sidekiq
    config.generators do |g|
      g.test_framework :rspec
    end
  end
end
